// The login form of the agent desktop and the console: its markup, its texts
// (/shared/login-texts.js, in the page's language), its error and notice lines, and the submit
// that checks both fields are filled before the page posts the login. Styled by
// /shared/login.css. See docs/agent-desktop.md and docs/console.md.

/** The keys of what the form says its own way to each audience. */
const AUDIENCES = {
  agent: { hint: 'login.agentHint', user: 'login.agentUser', wrong: 'login.agentWrong', missing: 'login.agentMissing' },
  console: { hint: 'login.consoleHint', user: 'login.consoleUser', wrong: 'login.consoleWrong', missing: 'login.consoleMissing' },
};

// Constant markup, no value of anyone's in it: the texts are set by render().
const MARKUP = `
  <form id="login-form" class="panel login" novalidate>
    <h1 id="login-title"></h1>
    <p id="login-hint" class="muted"></p>
    <p id="login-notice" class="notice" role="status" hidden></p>
    <label id="login-user-label" for="login-user"></label>
    <input id="login-user" name="user" autocomplete="username" required autofocus>
    <label id="login-password-label" for="login-password"></label>
    <input id="login-password" name="password" type="password" autocomplete="current-password" required>
    <p id="login-error" class="error" role="alert" hidden></p>
    <button id="login-submit" type="submit" class="primary"></button>
  </form>`;

/**
 * The login form, built into view (an empty element of the page, shown while nobody is signed
 * in). Its error and notice are kept as keys, so a language switch translates them too.
 */
export class LoginForm {
  #view;
  #keys;
  #t;
  #signIn;
  #options;
  #error = null;
  #notice = null;
  #busy = false;

  /**
   * @param view the element the form is built into
   * @param audience 'agent' or 'console': whose hint, user label and errors the form shows
   * @param language the page's {t, onLanguageChange}, its dictionary combined with LOGIN_TEXTS
   * @param signIn async (user, password): posts the login and, when the answer lets the user in,
   *     enters the page; resolves with the refusal to show ({key, params}) when it does not, and
   *     rejects with the ApiError of a failed call
   * @param options busyLabel: the button says login.busy while the login is under way;
   *     clearPasswordOnFailure: a failed call empties the password and focuses it;
   *     keepNotice: the notice stays when the user submits
   */
  constructor(view, audience, language, signIn, options = {}) {
    this.#view = view;
    this.#keys = AUDIENCES[audience];
    this.#t = language.t;
    this.#signIn = signIn;
    this.#options = { busyLabel: false, clearPasswordOnFailure: false, keepNotice: false, ...options };
    view.classList.add('login-view');
    view.setAttribute('aria-labelledby', 'login-title');
    view.innerHTML = MARKUP;
    this.#element('login-form').addEventListener('submit', (event) => this.#submit(event));
    language.onLanguageChange(() => this.render());
    this.render();
  }

  /** Shows the form with an empty password and the notice of noticeKey (null for none). */
  show(noticeKey = null) {
    this.#notice = noticeKey;
    this.#view.hidden = false;
    this.#element('login-password').value = '';
    this.render();
  }

  /** Hides the form and forgets its error and notice: the user is in. */
  hide() {
    this.#error = null;
    this.#notice = null;
    this.#view.hidden = true;
  }

  /** Puts the focus in the user field. */
  focus() {
    this.#element('login-user').focus();
  }

  /** Sets every text of the form in the page's language. */
  render() {
    const t = this.#t;
    this.#element('login-title').textContent = t('login.title');
    this.#element('login-hint').textContent = t(this.#keys.hint);
    this.#element('login-user-label').textContent = t(this.#keys.user);
    this.#element('login-password-label').textContent = t('login.password');
    this.#line('login-notice', this.#notice && t(this.#notice));
    this.#line('login-error', this.#error && t(this.#error.key, this.#error.params));
    this.#element('login-submit').textContent = this.#busy && this.#options.busyLabel ? t('login.busy') : t('login.submit');
  }

  async #submit(event) {
    event.preventDefault();
    const user = this.#element('login-user').value.trim();
    const password = this.#element('login-password');
    if (!this.#options.keepNotice) {
      this.#notice = null;
    }
    if (!user || !password.value) {
      this.#error = { key: this.#keys.missing };
      this.render();
      return;
    }
    const button = this.#element('login-submit');
    button.disabled = true;
    this.#busy = true;
    this.render();
    try {
      this.#error = (await this.#signIn(user, password.value)) ?? null;
    } catch (e) {
      this.#error = e.status === 401 ? { key: this.#keys.wrong } : { key: 'login.failed', params: { message: e.message } };
      if (this.#options.clearPasswordOnFailure) {
        password.value = '';
        password.focus();
      }
    } finally {
      this.#busy = false;
      button.disabled = false;
      this.render();
    }
  }

  /** Shows text on the line with id, or hides the line when there is none. */
  #line(id, text) {
    const line = this.#element(id);
    line.hidden = !text;
    line.textContent = text || '';
  }

  #element(id) {
    return this.#view.querySelector(`#${id}`);
  }
}
