// The Agents page: every agent with their live state and whether they have a desk password (read
// again every few seconds while the page is open), and a form to create or edit one (name, SIP
// user, SIP password, desk password, queues with a skill level each); reset an agent's desk
// password to a random one, or disable an agent. A password the server makes is shown once.

import { t } from './i18n.js';
import * as api from './api.js';
import { el, fillTable, showResult, errorText } from './dom.js';

const $ = (id) => document.getElementById(id);
const REFRESH_MS = 5000;

export class AgentsPage {
  constructor() {
    this.agents = [];
    this.editing = null;
    this.timer = null;
    $('agent-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.save();
    });
    $('agent-cancel').addEventListener('click', () => this.edit(null));
    $('agent-add-queue').addEventListener('click', () => this.addQueueRow('', 1));
  }

  enter() {
    this.edit(null);
    this.load();
    this.timer = setInterval(() => this.load(), REFRESH_MS);
  }

  leave() {
    clearInterval(this.timer);
    this.timer = null;
  }

  relabel() {
    this.render();
    this.renderFormTitle();
  }

  async load() {
    try {
      this.agents = await api.call('GET', '/api/agents');
      this.render();
    } catch (e) {
      showResult($('agents-result'), 'error', errorText(e, 'action.readAgents'));
    }
  }

  render() {
    fillTable($('agents-table'), [
      { id: 'id', key: 'agents.id', cell: (a) => a.id },
      { id: 'name', key: 'agents.name', cell: (a) => a.name },
      { id: 'sipUser', key: 'agents.sipUser', cell: (a) => a.sipUser },
      { id: 'queues', key: 'agents.queueLevels', cell: (a) => a.queues.map((q) => `${q} (${(a.levels ?? {})[q] ?? 1})`).join(', ') },
      { id: 'state', key: 'agents.state', cell: (a) => el('span', { class: 'pill', 'data-state': a.state, text: t(`state.${a.state}`) }) },
      {
        id: 'deskPassword',
        key: 'agents.deskPassword',
        cell: (a) => el('span', { 'data-desk-password': a.deskPassword ? 'set' : 'none', text: t(a.deskPassword ? 'agents.deskSet' : 'agents.deskNone') }),
      },
      {
        id: 'actions',
        key: 'agents.actions',
        cell: (a) => el('span', { class: 'row' },
          el('button', { type: 'button', class: 'quiet', 'data-action': 'edit', text: t('agents.edit'), onclick: () => this.edit(a) }),
          el('button', { type: 'button', class: 'quiet', 'data-action': 'reset-desk', text: t('agents.resetDesk'), onclick: () => this.resetDesk(a) }),
          el('button', { type: 'button', class: 'quiet danger', 'data-action': 'disable', text: t('agents.disable'), onclick: () => this.disable(a) })),
      },
    ], this.agents, (a) => ({ 'data-agent': a.id, 'data-state': a.state }));
  }

  renderFormTitle() {
    $('agent-form-title').textContent = this.editing ? t('agents.editTitle', { id: this.editing.id }) : t('agents.new');
    $('agent-password-hint').textContent = t(this.editing ? 'agents.passwordKeep' : 'agents.passwordNew');
    $('agent-desk-password-hint').textContent = t(this.editing ? 'agents.deskPasswordKeep' : 'agents.deskPasswordNew');
  }

  /** Fills the form with agent, or empties it for a new one. */
  edit(agent) {
    this.editing = agent;
    $('agent-id').value = agent ? agent.id : '';
    $('agent-id').readOnly = Boolean(agent);
    $('agent-name').value = agent ? agent.name : '';
    $('agent-sip').value = agent ? agent.sipUser : '';
    $('agent-password').value = '';
    $('agent-desk-password').value = '';
    $('agent-queues').replaceChildren();
    (agent ? agent.queues : []).forEach((q) => this.addQueueRow(q, (agent.levels ?? {})[q] ?? 1));
    if (!agent) {
      this.addQueueRow('', 1);
    }
    showResult($('agent-form-result'), '', '');
    this.renderFormTitle();
  }

  addQueueRow(queue, level) {
    const row = el('div', { class: 'row queue-row' },
      el('input', { class: 'queue-name', value: queue, 'aria-label': t('agents.queueName'), placeholder: t('agents.queueName'), maxlength: 64 }),
      el('input', { class: 'queue-level', type: 'number', min: 1, max: 10, value: level, 'aria-label': t('agents.level') }),
      el('button', { type: 'button', class: 'quiet', text: t('agents.removeQueue'), onclick: () => row.remove() }));
    $('agent-queues').append(row);
  }

  async save() {
    const line = $('agent-form-result');
    const id = $('agent-id').value.trim();
    const queues = {};
    for (const row of $('agent-queues').querySelectorAll('.queue-row')) {
      const name = row.querySelector('.queue-name').value.trim();
      if (name) {
        queues[name] = Number(row.querySelector('.queue-level').value || 1);
      }
    }
    if (!id) {
      showResult(line, 'error', t('agents.idMissing'));
      return;
    }
    const body = { name: $('agent-name').value.trim() || id, sipUser: $('agent-sip').value.trim() || id, queues };
    const password = $('agent-password').value;
    if (password) {
      body.password = password;
    }
    const deskPassword = $('agent-desk-password').value;
    if (deskPassword) {
      body.deskPassword = deskPassword;
    }
    try {
      const answer = await api.call('PUT', `/api/agents/${encodeURIComponent(id)}`, body);
      const messages = [t(this.editing ? 'agents.saved' : 'agents.created', { id })];
      if (answer?.generatedPassword) {
        messages.push(t('agents.generatedPassword', { password: answer.generatedPassword }));
      }
      if (answer?.generatedDeskPassword) {
        messages.push(t('agents.generatedDeskPassword', { password: answer.generatedDeskPassword }));
      }
      showResult(line, 'ok', messages.join(' '));
      $('agent-password').value = '';
      $('agent-desk-password').value = '';
      this.load();
    } catch (e) {
      showResult(line, 'error', errorText(e, 'action.changeAgents'));
    }
  }

  /** Gives agent a random desk password, shown once; their sessions end. */
  async resetDesk(agent) {
    if (!window.confirm(t('agents.confirmResetDesk', { id: agent.id }))) {
      return;
    }
    try {
      const answer = await api.call('PUT', `/api/agents/${encodeURIComponent(agent.id)}/desk-password`, {});
      showResult($('agents-result'), 'ok', t('agents.deskReset', { id: agent.id, password: answer.generatedDeskPassword }));
      this.load();
    } catch (e) {
      showResult($('agents-result'), 'error', errorText(e, 'action.changeAgents'));
    }
  }

  async disable(agent) {
    if (!window.confirm(t('agents.confirmDisable', { id: agent.id }))) {
      return;
    }
    try {
      await api.call('DELETE', `/api/agents/${encodeURIComponent(agent.id)}`);
      showResult($('agents-result'), 'ok', t('agents.disabled', { id: agent.id }));
      this.load();
    } catch (e) {
      showResult($('agents-result'), 'error', errorText(e, 'action.changeAgents'));
    }
  }
}
