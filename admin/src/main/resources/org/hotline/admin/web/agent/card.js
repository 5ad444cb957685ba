// The screen-pop card: who is calling, shown the moment the screen-pop arrives. Every value from
// the server goes in as text, never as markup.

import { t, has } from './i18n.js';
import { dateTime, duration } from './format.js';

/** Levels that stand out on the card. */
const PROMINENT_LEVELS = new Set(['vip', 'svip', 'vvip', 'gold', 'platinum']);

const $ = (id) => document.getElementById(id);

/** Builds an element with a class and text. */
function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  if (className) {
    node.className = className;
  }
  return node;
}

/** The translation of prefix + value when there is one, else the value itself. */
function translated(prefix, value) {
  if (value === null || value === undefined || value === '') {
    return '';
  }
  return has(prefix + value) ? t(prefix + value) : String(value);
}

/** A table with the given column titles and rows of cell texts. */
function table(columns, rows, className) {
  const tableEl = el('table', null, className);
  const head = tableEl.createTHead().insertRow();
  columns.forEach((title) => {
    const th = el('th', title);
    th.scope = 'col';
    head.appendChild(th);
  });
  const body = tableEl.createTBody();
  rows.forEach((cells) => {
    const row = body.insertRow();
    cells.forEach((cell) => row.appendChild(el('td', cell)));
  });
  return tableEl;
}

/** The place part of the location line: the carrier is shown beside it, so it is not repeated. */
function place(caller) {
  const location = caller.location || '';
  const carrier = caller.carrier || '';
  if (carrier && location.endsWith(` ${carrier}`)) {
    return location.slice(0, -carrier.length - 1);
  }
  return location;
}

/** The card of one call: shows the screen-pop and the tickets of its customer. */
export class Card {
  #pop = null;
  #tickets = [];

  /** The call the card shows, or null. */
  get callId() {
    return this.#pop ? this.#pop.callId : null;
  }

  /** The screen-pop shown, or null. */
  get pop() {
    return this.#pop;
  }

  /** Shows the screen-pop of a call at once. */
  show(pop) {
    this.#pop = pop;
    this.#tickets = Array.isArray(pop.tickets) ? [...pop.tickets] : [];
    this.render();
    $('card-empty').hidden = true;
    $('card').hidden = false;
  }

  /** Adds a ticket created from this page to the list. */
  addTicket(ticket) {
    this.#tickets.unshift(ticket);
    if (this.#pop) {
      this.#renderTickets();
    }
  }

  /** Hides the card: waiting for the next call. */
  clear() {
    this.#pop = null;
    this.#tickets = [];
    $('card-announce').textContent = '';
    $('card').hidden = true;
    $('card-empty').hidden = false;
  }

  /** Renders the card again (after a language switch). */
  render() {
    const pop = this.#pop;
    if (!pop) {
      return;
    }
    const caller = pop.caller || {};
    const customer = pop.customer;
    const placeText = caller.status === 'withheld' && !caller.location ? t('card.withheld') : place(caller);
    $('card-place').textContent = placeText;
    $('card-carrier').textContent = caller.carrier || '';
    $('card-carrier').hidden = !caller.carrier;
    $('card-number').textContent = caller.number || '';

    const level = customer && customer.level ? String(customer.level) : '';
    const badge = $('card-level');
    badge.textContent = level;
    badge.hidden = !level;
    badge.className = PROMINENT_LEVELS.has(level.toLowerCase()) ? 'badge badge-vip' : 'badge';
    badge.dataset.level = level;
    // A known customer's name is the headline; the place shows under it, smaller.
    const name = customer ? customer.name || '' : '';
    $('card-name').textContent = name;
    $('card-name').hidden = !name;
    $('card').dataset.known = name ? 'true' : 'false';
    $('card-announce').textContent = t('card.announce', {
      details: [name, placeText, caller.carrier, level].filter(Boolean).join(' '),
    });

    const notice = $('card-notice');
    if (pop.lookupFailed) {
      notice.textContent = t('card.lookupFailed');
      notice.dataset.kind = 'lookup-failed';
      notice.hidden = false;
    } else if (!customer) {
      notice.textContent = t('card.unknownCaller');
      notice.dataset.kind = 'unknown-caller';
      notice.hidden = false;
    } else {
      notice.hidden = true;
      notice.dataset.kind = '';
    }

    const facts = $('card-facts');
    facts.replaceChildren();
    const fact = (key, value, className) => {
      if (value === null || value === undefined || value === '') {
        return;
      }
      facts.appendChild(el('dt', t(key)));
      facts.appendChild(el('dd', value, className));
    };
    if (customer) {
      fact('card.category', customer.category);
      fact('card.salesStage', customer.salesStage);
    }
    fact('card.queue', pop.queue);
    fact('card.ivr', pop.ivr);
    fact('card.waited', pop.waitedSeconds === null || pop.waitedSeconds === undefined ? '' : duration(pop.waitedSeconds));
    if (customer) {
      fact('card.notes', customer.notes, 'notes');
    }

    const history = Array.isArray(pop.history) ? pop.history : [];
    $('card-history').replaceChildren(
      history.length === 0
        ? el('p', t('card.noHistory'), 'muted small')
        : table(
            [t('card.when'), t('card.outcome'), t('card.agent'), t('card.queue'), t('card.disposition'), t('card.talk')],
            history.map((h) => [
              dateTime(h.at),
              translated('outcome.', h.outcome),
              h.agentId || '',
              h.queue || '',
              translated('disposition.', h.disposition),
              h.talkSeconds === null || h.talkSeconds === undefined ? '' : duration(h.talkSeconds),
            ]),
            'history',
          ),
    );
    this.#renderTickets();
  }

  /** Which call a ticket is about, in words: never the call's id. */
  #callOf(ticket) {
    if (!ticket.callId) {
      return '';
    }
    return ticket.callId === this.callId ? t('card.thisCall') : t('card.otherCall');
  }

  #renderTickets() {
    $('card-tickets').replaceChildren(
      this.#tickets.length === 0
        ? el('p', t('card.noTickets'), 'muted small')
        : table(
            [t('card.ticketId'), t('card.ticketTitle'), t('card.ticketStatus'), t('card.created'), t('card.createdBy'), t('card.call')],
            this.#tickets.map((k) => [
              k.id ?? '',
              k.title || '',
              translated('ticketStatus.', k.status),
              k.createdAt ? dateTime(k.createdAt) : '',
              k.createdBy || '',
              this.#callOf(k),
            ]),
            'tickets',
          ),
    );
  }
}
