// The language the console and the wallboard speak (/shared/language.js), with every text of
// theirs in texts.js. A page's title is the key its body names in data-title.

import { languageOf } from '/shared/language.js';
import { DICTIONARY } from './texts.js';

const STORAGE_KEY = 'hotline.console.lang';

const page = languageOf(DICTIONARY, STORAGE_KEY, () => document.body.dataset.title);

export const LANGUAGES = page.languages;

export const { language, locale, t, has, translate, setLanguage, onLanguageChange } = page;
