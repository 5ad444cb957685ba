// Small DOM helpers shared by the console's pages: elements, tables and result lines.

import { t } from './i18n.js';
import * as api from './api.js';

/** A new element: attributes (data-*, class, text...) and children (nodes or strings). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value === null || value === undefined || value === false) {
      return;
    }
    if (name === 'text') {
      node.textContent = String(value);
    } else if (name === 'class') {
      node.className = value;
    } else if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  });
  children.flat(Infinity).forEach((child) => {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return node;
}

/**
 * Fills table with a header row of column titles and one row per item. A column is {key (a
 * dictionary key for its title), cell(item) -> string or node, numeric}.
 */
export function fillTable(table, columns, items, rowAttributes = () => ({})) {
  const head = el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col', class: c.numeric ? 'num' : null, text: t(c.key) }))));
  const body = el('tbody', {});
  items.forEach((item) => {
    body.append(el('tr', rowAttributes(item), columns.map((c) => el('td', { class: c.numeric ? 'num' : null, 'data-col': c.id ?? null }, c.cell(item)))));
  });
  if (items.length === 0) {
    body.append(el('tr', {}, el('td', { colspan: columns.length, class: 'muted', text: t('table.empty') })));
  }
  table.replaceChildren(head, body);
}

/** The nodes whose text is made again after a language switch, each with what makes it. */
const liveTexts = new Map();

/**
 * Sets node's text to what render() gives now, and again after every language switch (see
 * relabelTexts), so a line written before the switch follows it.
 */
export function liveText(node, render) {
  liveTexts.set(node, render);
  node.textContent = render();
}

/** Makes the text of every node given to liveText again, in the language now in use. */
export function relabelTexts() {
  liveTexts.forEach((render, node) => {
    if (node.isConnected) {
      node.textContent = render();
    } else {
      liveTexts.delete(node);
    }
  });
}

/**
 * The one line a page shows for what the server answered: 'ok' or 'error' in data-result, and a
 * text; 401 and 403 say plainly that the user must sign in or may not do that. A text given as a
 * function is made again after a language switch.
 */
export function showResult(line, kind, text) {
  line.dataset.result = kind;
  if (typeof text === 'function') {
    liveText(line, text);
  } else {
    liveTexts.delete(line);
    line.textContent = text;
  }
}

/** The text of a failed call for the user: what they may not do, or the server's reason. */
export function errorText(error, action) {
  if (error.status === 403) {
    return t('error.forbidden', { action: t(action) });
  }
  if (error.status === 401) {
    return t('error.signIn');
  }
  if (error.status === 0) {
    return t('error.network');
  }
  return t('error.server', { status: error.status, message: error.message });
}

/**
 * What a page reads to show: the answer to GET `path`, with `line` cleared; or null when it could
 * not be read, with `line` saying why in the text `failure(error)` gives.
 */
export async function readForPage(line, path, failure) {
  try {
    const answer = await api.call('GET', path);
    showResult(line, '', '');
    return answer;
  } catch (e) {
    showResult(line, 'error', () => failure(e));
    return null;
  }
}
