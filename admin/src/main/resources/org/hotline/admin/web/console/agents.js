// The Agents page: every agent with their live state and whether they have a desk password (read
// again every few seconds while the page is open), and a form to create or edit one (name, SIP
// user, SIP password, desk password, and the queues ticked among those configured, a skill level
// each); reset an agent's desk password to a random one, or disable an agent. A password the
// server makes is shown once.

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
    this.queueNames = [];
    $('agent-cancel').addEventListener('click', () => this.edit(null));
  }

  enter() {
    this.edit(null);
    this.load();
    this.loadQueueNames();
    this.timer = setInterval(() => this.load(), REFRESH_MS);
  }

  /** The configured queues (GET /api/queues), which the form offers to choose from. */
  async loadQueueNames() {
    try {
      const live = await api.call('GET', '/api/queues');
      this.queueNames = live.map((q) => q.queue);
      this.renderQueueChoices(this.chosenQueues());
    } catch (e) {
      showResult($('agent-form-result'), 'error', () => errorText(e, 'action.readQueues'));
    }
  }

  leave() {
    clearInterval(this.timer);
    this.timer = null;
  }

  relabel() {
    this.render();
    this.renderFormTitle();
    this.renderQueueChoices(this.chosenQueues());
  }

  async load() {
    try {
      this.agents = await api.call('GET', '/api/agents');
      this.render();
    } catch (e) {
      showResult($('agents-result'), 'error', () => errorText(e, 'action.readAgents'));
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
    const chosen = {};
    (agent ? agent.queues : []).forEach((q) => { chosen[q] = (agent.levels ?? {})[q] ?? 1; });
    this.renderQueueChoices(chosen);
    showResult($('agent-form-result'), '', '');
    this.renderFormTitle();
  }

  /**
   * A row per queue to tick, with the agent's skill level in it: the configured queues, and any
   * other the agent serves; chosen maps the ticked ones to their level.
   */
  renderQueueChoices(chosen) {
    const names = [...new Set([...this.queueNames, ...Object.keys(chosen)])].sort();
    const rows = names.map((name) => {
      const picked = name in chosen;
      const level = el('input', {
        class: 'queue-level', type: 'number', min: 1, max: 10, value: chosen[name] ?? 1, disabled: !picked,
        'aria-label': t('agents.levelIn', { queue: name }),
      });
      const box = el('input', { class: 'queue-pick', type: 'checkbox', value: name, checked: picked });
      box.addEventListener('change', () => { level.disabled = !box.checked; });
      return el('div', { class: 'row queue-row', 'data-queue': name },
        el('label', { class: 'check' }, box, ' ', name),
        el('label', { class: 'check' }, t('agents.level'), ' ', level));
    });
    if (rows.length === 0) {
      rows.push(el('p', { class: 'muted small', text: t('agents.noQueues') }));
    }
    $('agent-queues').replaceChildren(...rows);
  }

  /** The queues ticked in the form, each with its skill level. */
  chosenQueues() {
    const queues = {};
    for (const row of $('agent-queues').querySelectorAll('.queue-row')) {
      const box = row.querySelector('.queue-pick');
      if (box.checked) {
        queues[box.value] = Number(row.querySelector('.queue-level').value || 1);
      }
    }
    return queues;
  }

  async save() {
    const line = $('agent-form-result');
    const id = $('agent-id').value.trim();
    const queues = this.chosenQueues();
    if (!id) {
      showResult(line, 'error', () => t('agents.idMissing'));
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
      const messages = [[this.editing ? 'agents.saved' : 'agents.created', { id }]];
      if (answer?.generatedPassword) {
        messages.push(['agents.generatedPassword', { password: answer.generatedPassword }]);
      }
      if (answer?.generatedDeskPassword) {
        messages.push(['agents.generatedDeskPassword', { password: answer.generatedDeskPassword }]);
      }
      showResult(line, 'ok', () => messages.map(([key, params]) => t(key, params)).join(' '));
      $('agent-password').value = '';
      $('agent-desk-password').value = '';
      this.load();
    } catch (e) {
      showResult(line, 'error', () => errorText(e, 'action.changeAgents'));
    }
  }

  /** Gives agent a random desk password, shown once; their sessions end. */
  async resetDesk(agent) {
    if (!window.confirm(t('agents.confirmResetDesk', { id: agent.id }))) {
      return;
    }
    try {
      const answer = await api.call('PUT', `/api/agents/${encodeURIComponent(agent.id)}/desk-password`, {});
      showResult($('agents-result'), 'ok', () => t('agents.deskReset', { id: agent.id, password: answer.generatedDeskPassword }));
      this.load();
    } catch (e) {
      showResult($('agents-result'), 'error', () => errorText(e, 'action.changeAgents'));
    }
  }

  async disable(agent) {
    if (!window.confirm(t('agents.confirmDisable', { id: agent.id }))) {
      return;
    }
    try {
      await api.call('DELETE', `/api/agents/${encodeURIComponent(agent.id)}`);
      showResult($('agents-result'), 'ok', () => t('agents.disabled', { id: agent.id }));
      this.load();
    } catch (e) {
      showResult($('agents-result'), 'error', () => errorText(e, 'action.changeAgents'));
    }
  }
}
