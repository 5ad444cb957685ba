// The wrap-up form: a disposition code (common ones, or typed) and notes, sent as wrap-up with
// the call's id, during the call or after it.

import { t, has } from './i18n.js';
import { timeOfDay } from './format.js';
import { showResult, clearResult, commandError } from './result.js';

const $ = (id) => document.getElementById(id);

/** The codes offered in the list; any other code may be typed. */
export const COMMON_CODES = ['sale', 'inquiry', 'complaint', 'resolved', 'callback-needed', 'escalated', 'wrong-number', 'no-action'];

/** What a disposition may look like (docs/cti-protocol.md, wrap-up). */
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;
const OTHER = '_other';
const MAX_NOTES = 2000;

/** The wrap-up form. */
export class WrapUpForm {
  #cti;
  #callId = null;
  /** {caller, at} of the call, for the form's line. */
  #about = null;

  /** @param cti the CtiClient commands go through */
  constructor(cti) {
    this.#cti = cti;
    $('wrapup-code').addEventListener('change', () => {
      $('wrapup-other-box').hidden = $('wrapup-code').value !== OTHER;
      if ($('wrapup-code').value === OTHER) {
        $('wrapup-other').focus();
      }
    });
    $('wrapup-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.#save();
    });
    this.render();
  }

  /** The call the form is for, and {caller, at} to name it by; a new call empties the form. */
  forCall(callId, about = null) {
    if (callId === this.#callId) {
      if (about) {
        this.#about = about;
        this.render();
      }
      return;
    }
    this.#about = about;
    this.#callId = callId;
    $('wrapup-code').value = '';
    $('wrapup-other').value = '';
    $('wrapup-notes').value = '';
    $('wrapup-other-box').hidden = true;
    clearResult($('wrapup-result'));
    this.render();
  }

  render() {
    $('wrapup-call').textContent = this.#callId ? this.#line() : t('wrapup.noCall');
    $('btn-wrapup').disabled = !this.#callId;
    const select = $('wrapup-code');
    const chosen = select.value;
    const option = (value, text) => {
      const o = document.createElement('option');
      o.value = value;
      o.textContent = text;
      return o;
    };
    select.replaceChildren(
      option('', t('wrapup.choose')),
      ...COMMON_CODES.map((code) => option(code, t(`disposition.${code}`))),
      option(OTHER, t('wrapup.other')),
    );
    select.value = chosen;
  }

  /** The call by who and when it started, never by its id. */
  #line() {
    const about = this.#about || {};
    return t('wrapup.forCall', {
      caller: about.caller || t('wrapup.unknownCaller'),
      time: about.at ? timeOfDay(about.at) : '',
    });
  }

  async #save() {
    const result = $('wrapup-result');
    clearResult(result);
    const chosen = $('wrapup-code').value;
    const disposition = chosen === OTHER ? $('wrapup-other').value.trim() : chosen;
    if (!disposition) {
      showResult(result, false, () => t('wrapup.needCode'), 'bad-argument');
      $(chosen === OTHER ? 'wrapup-other' : 'wrapup-code').focus();
      return;
    }
    if (!CODE.test(disposition)) {
      showResult(result, false, () => t('wrapup.badCode'), 'bad-argument');
      $('wrapup-other').focus();
      return;
    }
    const notes = $('wrapup-notes').value.trim();
    if (notes.length > MAX_NOTES) {
      showResult(result, false, () => t('wrapup.notesTooLong'), 'bad-argument');
      return;
    }
    const fields = { callId: this.#callId, disposition };
    if (notes) {
      fields.notes = notes;
    }
    try {
      const reply = await this.#cti.send('wrap-up', fields);
      const code = reply.disposition || disposition;
      showResult(result, true, () => t('wrapup.saved', { disposition: has(`disposition.${code}`) ? t(`disposition.${code}`) : code }));
    } catch (e) {
      showResult(result, false, () => commandError('wrap-up', e), e.code);
    }
  }
}
