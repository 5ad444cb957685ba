// Every text of the console and the wallboard, in English and Chinese, and the language the page
// speaks. Static texts in the HTML name their key in data-i18n (text), data-i18n-placeholder or
// data-i18n-title; the modules call t() when they render.

import { DICTIONARY } from './texts.js';

const STORAGE_KEY = 'hotline.console.lang';

export const LANGUAGES = Object.keys(DICTIONARY);

const listeners = new Set();
let current = initialLanguage();

/** The language chosen before on this browser, else the browser's own, else English. */
function initialLanguage() {
  let stored = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage may be off (private mode): the browser's language decides.
  }
  if (stored && DICTIONARY[stored]) {
    return stored;
  }
  const wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
  for (const tag of wanted) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (DICTIONARY[base]) {
      return base;
    }
  }
  return 'en';
}

/** The language in use: 'en' or 'zh'. */
export function language() {
  return current;
}

/** The BCP 47 tag of the language in use, for Intl formatting and the lang attribute. */
export function locale() {
  return current === 'zh' ? 'zh-CN' : 'en';
}

/**
 * The text of key in the language in use, with {name} replaced by params.name. A key missing in
 * Chinese falls back to English; a key missing in both is shown as it is.
 */
export function t(key, params = {}) {
  const text = DICTIONARY[current][key] ?? DICTIONARY.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Whether the dictionary has key. */
export function has(key) {
  return key in DICTIONARY.en;
}

/** Switches the language, remembers it on this browser, and re-renders whoever listens. */
export function setLanguage(lang) {
  if (!DICTIONARY[lang] || lang === current) {
    return;
  }
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, but the switch still applies to this page.
  }
  translate(document);
  listeners.forEach((listener) => listener(lang));
}

/** Calls listener(lang) after every language switch. */
export function onLanguageChange(listener) {
  listeners.add(listener);
}

/** Sets the static texts under root from their data-i18n* attributes; titleKey names the page's title. */
export function translate(root, titleKey = document.body.dataset.title) {
  document.documentElement.lang = locale();
  if (titleKey) {
    document.title = t(titleKey);
  }
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  });
  root.querySelectorAll('[data-i18n-title]').forEach((el) => {
    el.title = t(el.dataset.i18nTitle);
  });
}
