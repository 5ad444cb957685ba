// The Users page, for administrators: supervisors and administrators with their role, a new user,
// a new password (which also lifts a lockout), enable or disable. The server refuses what the
// signed-in user may not do (403) and the page says so.

import { t } from './i18n.js';
import * as api from './api.js';
import { el, fillTable, showResult, errorText, readForPage } from './dom.js';
import { dateTime } from './format.js';

const $ = (id) => document.getElementById(id);

export class UsersPage {
  constructor() {
    this.users = [];
    $('user-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.create();
    });
  }

  enter() {
    this.load();
  }

  leave() {}

  relabel() {
    this.render();
  }

  async load() {
    this.users = (await readForPage($('users-result'), '/api/users', (e) => errorText(e, 'action.readUsers'))) ?? [];
    this.render();
  }

  render() {
    fillTable($('users-table'), [
      { id: 'name', key: 'users.name', cell: (u) => u.name },
      {
        id: 'role',
        key: 'users.role',
        cell: (u) => el('select', { 'aria-label': t('users.role'), onchange: (e) => this.change(u, { role: e.target.value }) },
          ['supervisor', 'admin'].map((r) => el('option', { value: r, text: t(`role.${r}`), selected: r === u.role }))),
      },
      { id: 'enabled', key: 'users.status', cell: (u) => t(u.enabled ? (u.lockedUntil ? 'users.locked' : 'users.enabled') : 'users.disabled') },
      { id: 'created', key: 'users.createdAt', cell: (u) => dateTime(u.createdAt) },
      {
        id: 'actions',
        key: 'agents.actions',
        cell: (u) => el('span', { class: 'row' },
          el('button', { type: 'button', class: 'quiet', text: t('users.resetPassword'), onclick: () => this.resetPassword(u) }),
          el('button', {
            type: 'button',
            class: 'quiet danger',
            text: t(u.enabled ? 'users.disable' : 'users.enable'),
            onclick: () => this.change(u, { enabled: !u.enabled }),
          })),
      },
    ], this.users, (u) => ({ 'data-user': u.name }));
  }

  async create() {
    const line = $('user-form-result');
    const body = { name: $('user-name').value.trim(), role: $('user-role').value, password: $('user-password').value };
    try {
      await api.call('POST', '/api/users', body);
      showResult(line, 'ok', () => t('users.created', { name: body.name }));
      this.clearForm();
      this.load();
    } catch (e) {
      showResult(line, 'error', () => errorText(e, 'action.changeUsers'));
    }
  }

  /** Empties the form for the next user: name, password, and the role back to supervisor. */
  clearForm() {
    $('user-name').value = '';
    $('user-password').value = '';
    $('user-role').value = 'supervisor';
  }

  async resetPassword(user) {
    const password = window.prompt(t('users.newPassword', { name: user.name }));
    if (password) {
      await this.change(user, { password });
    }
  }

  async change(user, body) {
    try {
      await api.call('PUT', `/api/users/${encodeURIComponent(user.name)}`, body);
      showResult($('users-result'), 'ok', () => t('users.changed', { name: user.name }));
    } catch (e) {
      showResult($('users-result'), 'error', () => errorText(e, 'action.changeUsers'));
    }
    this.load();
  }
}
