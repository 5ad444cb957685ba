// The Security page: the source addresses whose SIP packets are dropped (password guessers,
// scanners), why and until when, and the trusted networks. Administrators lift a ban.

import { t } from './i18n.js';
import * as api from './api.js';
import { el, fillTable, showResult, errorText, readForPage } from './dom.js';
import { dateTime } from './format.js';

const $ = (id) => document.getElementById(id);

export class SecurityPage {
  constructor() {
    this.answer = null;
    $('bans-refresh').addEventListener('click', () => this.load());
  }

  enter() {
    this.load();
  }

  leave() {}

  relabel() {
    this.render();
  }

  async load() {
    this.answer = await readForPage($('bans-result'), '/api/security/bans', (e) => errorText(e, 'action.readBans'));
    this.render();
  }

  render() {
    const admin = document.body.dataset.role === 'admin';
    const columns = [
      { id: 'address', key: 'bans.address', cell: (b) => b.address },
      { id: 'reason', key: 'bans.reason', cell: (b) => b.reason },
      { id: 'since', key: 'bans.since', cell: (b) => dateTime(b.since) },
      { id: 'until', key: 'bans.until', cell: (b) => dateTime(b.until) },
    ];
    if (admin) {
      columns.push({
        id: 'actions',
        key: 'agents.actions',
        cell: (b) => el('button', { type: 'button', class: 'quiet danger', text: t('bans.lift'), onclick: () => this.lift(b) }),
      });
    }
    const bans = this.answer?.bans ?? [];
    fillTable($('bans-table'), columns, bans, (b) => ({ 'data-address': b.address }));
    $('bans-none').hidden = !this.answer || bans.length > 0;
    const trusted = this.answer?.trusted ?? [];
    $('bans-trusted').textContent = trusted.length ? t('bans.trusted', { networks: trusted.join(', ') }) : t('bans.noneTrusted');
  }

  async lift(ban) {
    try {
      await api.call('DELETE', `/api/security/bans/${encodeURIComponent(ban.address)}`);
      showResult($('bans-result'), 'ok', () => t('bans.lifted', { address: ban.address }));
    } catch (e) {
      showResult($('bans-result'), 'error', () => errorText(e, 'action.liftBan'));
    }
    this.load();
  }
}
