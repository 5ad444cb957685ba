// The one-line answer under a button: what the server said to a command, in the page's language.

import { t, has } from './i18n.js';

/** The result lines showing something, with what writes their text in the language in use. */
const shown = new Map();

/**
 * Shows text in the result line el: data-result is 'ok' or 'error' (and data-code the error's
 * code), so the look and any test can tell them apart. text is a function that writes the line,
 * so a language switch can write it again.
 */
export function showResult(el, ok, text, code = '') {
  shown.set(el, text);
  el.textContent = text();
  el.dataset.result = ok ? 'ok' : 'error';
  el.dataset.code = code;
}

/** Empties the result line el. */
export function clearResult(el) {
  shown.delete(el);
  el.textContent = '';
  delete el.dataset.result;
  delete el.dataset.code;
}

/** Writes every result line again, after a language switch. */
export function translateResults() {
  shown.forEach((text, el) => {
    el.textContent = text();
  });
}

/** The line for a command that failed with error (a CommandError): what, why, and the code. */
export function commandError(command, error) {
  const code = error.code || 'internal';
  const known = has(`error.${code}`);
  const text = known ? t(`error.${code}`) : error.message || code;
  // The server's own message says more for a bad argument or a number it will not dial (what the
  // number is, what may be dialled); show it beside the translation.
  const explained = code === 'bad-argument' || code === 'dial-not-allowed';
  const detail = explained && error.message && error.message !== code ? `${text}: ${error.message}` : text;
  return t('error.line', { command: t(`command.${command}`), text: detail, code });
}
