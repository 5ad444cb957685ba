// The language the console and the wallboard speak (/shared/language.js), with every text of
// theirs in texts.js and the login form's in /shared/login-texts.js. A page's title is the key its
// body names in data-title.

import { languageOf, combined } from '/shared/language.js';
import { LOGIN_TEXTS } from '/shared/login-texts.js';
import { DICTIONARY } from './texts.js';

const STORAGE_KEY = 'hotline.console.lang';

const page = languageOf(combined(DICTIONARY, LOGIN_TEXTS), STORAGE_KEY, () => document.body.dataset.title);

export const LANGUAGES = page.languages;

export const { language, locale, t, has, translate, setLanguage, onLanguageChange, bindSwitch } = page;
