// The language a page of Hotline speaks, for the agent desktop, the console and the wallboard
// alike: English or Chinese, chosen before on this browser (localStorage), else the browser's own.
// Static texts in the HTML name their key in data-i18n (text), data-i18n-placeholder or
// data-i18n-title; the modules call t() when they render.

/** Each language as the switch names it (in its own words), and its BCP 47 tag. */
const LANGUAGES = {
  en: { name: 'English', tag: 'en' },
  zh: { name: '中文', tag: 'zh-CN' },
};

/**
 * One dictionary of several ({en: {key: text}, zh: {...}} each), such as a page's own texts and
 * the login form's (/shared/login-texts.js): every language of the first, with the keys of all.
 */
export function combined(...dictionaries) {
  return Object.fromEntries(Object.keys(dictionaries[0]).map((lang) => [
    lang,
    Object.assign({}, ...dictionaries.map((dictionary) => dictionary[lang])),
  ]));
}

/**
 * The language functions of a page.
 *
 * @param dictionary the page's texts: {en: {key: text}, zh: {...}}
 * @param storageKey where the choice is remembered
 * @param titleKey the key of the document's title, or a function that names it
 */
export function languageOf(dictionary, storageKey, titleKey) {
  const listeners = new Set();
  let current = initialLanguage();

  /** The language chosen before on this browser, else the browser's own, else English. */
  function initialLanguage() {
    let stored = null;
    try {
      stored = localStorage.getItem(storageKey);
    } catch {
      // Storage may be off (private mode): the browser's language decides.
    }
    if (stored && dictionary[stored]) {
      return stored;
    }
    const wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
    for (const tag of wanted) {
      const base = String(tag).toLowerCase().split('-')[0];
      if (dictionary[base]) {
        return base;
      }
    }
    return 'en';
  }

  /** The language in use: 'en' or 'zh'. */
  function language() {
    return current;
  }

  /** The BCP 47 tag of the language in use, for Intl formatting and the lang attribute. */
  function locale() {
    return LANGUAGES[current].tag;
  }

  /**
   * The text of key in the language in use, with {name} replaced by params.name. A key missing in
   * Chinese falls back to English; a key missing in both is shown as it is.
   */
  function t(key, params = {}) {
    const text = dictionary[current][key] ?? dictionary.en[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
  }

  /** Whether the dictionary has key. */
  function has(key) {
    return key in dictionary.en;
  }

  /** Sets the static texts under root from their data-i18n* attributes, and the page's title. */
  function translate(root, title = typeof titleKey === 'function' ? titleKey() : titleKey) {
    document.documentElement.lang = locale();
    if (title) {
      document.title = t(title);
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

  /** Switches the language, remembers it on this browser, and re-renders whoever listens. */
  function setLanguage(lang) {
    if (!dictionary[lang] || lang === current) {
      return;
    }
    current = lang;
    try {
      localStorage.setItem(storageKey, lang);
    } catch {
      // Not remembered, but the switch still applies to this page.
    }
    translate(document);
    listeners.forEach((listener) => listener(lang));
  }

  /** Calls listener(lang) after every language switch. */
  function onLanguageChange(listener) {
    listeners.add(listener);
  }

  /**
   * Makes select the page's language switch: an option for each language, named in its own words,
   * the one in use selected; choosing one switches the page, and every switch shows in it.
   */
  function bindSwitch(select) {
    select.replaceChildren(...Object.keys(dictionary).map((lang) => {
      const option = document.createElement('option');
      option.value = lang;
      option.lang = LANGUAGES[lang].tag;
      option.textContent = LANGUAGES[lang].name;
      return option;
    }));
    select.value = current;
    select.addEventListener('change', () => setLanguage(select.value));
    onLanguageChange((lang) => {
      select.value = lang;
    });
  }

  return { languages: Object.keys(dictionary), language, locale, t, has, translate, setLanguage, onLanguageChange, bindSwitch };
}
