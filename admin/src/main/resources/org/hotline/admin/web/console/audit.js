// The Audit page, for administrators: who changed what, newest first, a page at a time, each
// change in words (audit-text.js) with the request the server recorded in its tooltip.

import { t } from './i18n.js';
import * as api from './api.js';
import { el, fillTable, errorText, readForPage } from './dom.js';
import { auditSentence, auditRaw } from './audit-text.js';
import { dateTime } from './format.js';

const $ = (id) => document.getElementById(id);
const PAGE_SIZE = 50;

export class AuditPage {
  constructor() {
    this.page = 0;
    this.answer = null;
    $('audit-prev').addEventListener('click', () => this.go(-1));
    $('audit-next').addEventListener('click', () => this.go(1));
  }

  enter() {
    this.page = 0;
    this.load();
  }

  leave() {}

  relabel() {
    this.render();
  }

  go(step) {
    const pages = this.pages();
    const next = Math.min(pages - 1, Math.max(0, this.page + step));
    if (next !== this.page) {
      this.page = next;
      this.load();
    }
  }

  pages() {
    return Math.max(1, Math.ceil((this.answer?.total ?? 0) / PAGE_SIZE));
  }

  async load() {
    const path = api.withQuery('/api/audit', { page: this.page, size: PAGE_SIZE });
    this.answer = await readForPage($('audit-result'), path, (e) => errorText(e, 'action.readAudit'));
    this.render();
  }

  render() {
    const items = this.answer?.items ?? [];
    fillTable($('audit-table'), [
      { id: 'at', key: 'audit.at', cell: (a) => dateTime(a.at) },
      { id: 'what', key: 'audit.what', cell: (a) => el('span', { title: auditRaw(a), 'data-raw': auditRaw(a), text: auditSentence(a) }) },
      { id: 'remote', key: 'audit.remote', cell: (a) => a.remote ?? '' },
    ], items, (a) => ({ 'data-audit': a.id }));
    $('audit-page').textContent = t('pager.page', { page: this.page + 1, pages: this.pages(), total: this.answer?.total ?? 0 });
    $('audit-prev').disabled = this.page <= 0;
    $('audit-next').disabled = this.page >= this.pages() - 1;
  }
}
