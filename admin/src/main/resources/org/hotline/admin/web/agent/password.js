// The "My password" form: the agent changes their desk password with PUT /api/me/password. The
// server ends every session of the agent with it, this one too, so a change leads back to the
// sign-in form, where the new password is asked for.

import { t } from './i18n.js';
import { changePassword } from './api.js';
import { showResult, clearResult } from './result.js';

const $ = (id) => document.getElementById(id);

/** The shortest desk password the server takes. */
const MIN_LENGTH = 8;

/** The password form. */
export class PasswordForm {
  #onChanged;

  /** @param onChanged () => void, once the password is changed and the session is over */
  constructor(onChanged) {
    this.#onChanged = onChanged;
    $('password-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.#change();
    });
  }

  reset() {
    ['password-current', 'password-new', 'password-repeat'].forEach((id) => {
      $(id).value = '';
    });
    clearResult($('password-result'));
    $('password-panel').open = false;
  }

  async #change() {
    const result = $('password-result');
    clearResult(result);
    const current = $('password-current').value;
    const password = $('password-new').value;
    const problem = !current ? 'password.needCurrent'
      : password.length < MIN_LENGTH ? 'password.tooShort'
        : password !== $('password-repeat').value ? 'password.mismatch'
          : password === current ? 'password.same' : null;
    if (problem) {
      showResult(result, false, () => t(problem, { min: MIN_LENGTH }), 'bad-argument');
      return;
    }
    const button = $('btn-password');
    button.disabled = true;
    try {
      await changePassword(current, password);
      this.reset();
      this.#onChanged();
    } catch (e) {
      const key = e.status === 400 && e.parameter === 'current' ? 'password.wrongCurrent'
        : e.status === 429 ? 'password.tooMany' : null;
      showResult(result, false, () => (key ? t(key) : t('password.failed', { message: e.message })), String(e.status || ''));
      $('password-current').value = '';
      $('password-current').focus();
    } finally {
      button.disabled = false;
    }
  }
}
