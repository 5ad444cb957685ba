// The Queues page: each queue's routing settings (strategy, ring time, wrap-up, weight, limits, joining
// without agents, service-level threshold, overflow queue), changed live through
// /api/queues/{name}/settings.

import { t } from './i18n.js';
import * as api from './api.js';
import { el, showResult, errorText } from './dom.js';

const $ = (id) => document.getElementById(id);

const STRATEGIES = ['longest-idle', 'round-robin', 'fewest-calls', 'skills', 'ring-all'];

/** The numeric settings, in the form's order: field, dictionary key, smallest value. */
const NUMBERS = [
  ['ringTimeoutSeconds', 'queues.ringTimeout', 1],
  ['wrapUpSeconds', 'queues.wrapUp', 0],
  ['weight', 'queues.weight', 1],
  ['maxWaiting', 'queues.maxWaiting', 0],
  ['maxWaitSeconds', 'queues.maxWait', 0],
  ['serviceLevelSeconds', 'queues.serviceLevel', 1],
];

export class QueuesPage {
  constructor() {
    this.settings = [];
  }

  async enter() {
    const line = $('queues-result');
    try {
      const live = await api.call('GET', '/api/queues');
      const names = live.map((q) => q.queue);
      this.settings = await Promise.all(names.map((n) => api.call('GET', `/api/queues/${encodeURIComponent(n)}/settings`)));
      this.render();
      showResult(line, '', '');
    } catch (e) {
      showResult(line, 'error', () => errorText(e, 'action.readQueues'));
    }
  }

  leave() {}

  relabel() {
    this.render();
  }

  render() {
    $('queue-list').replaceChildren(...this.settings.map((s) => this.card(s)));
  }

  card(s) {
    const id = (field) => `q-${s.queue}-${field}`;
    const result = el('p', { class: 'result', role: 'status', 'aria-live': 'polite' });
    const strategies = STRATEGIES.includes(s.strategy) ? STRATEGIES : [s.strategy, ...STRATEGIES];
    const form = el('form', { class: 'panel form queue-card', 'data-queue': s.queue, novalidate: true },
      el('h2', { text: s.queue }),
      el('label', { for: id('strategy'), text: t('queues.strategy') }),
      el('select', { id: id('strategy'), name: 'strategy' },
        strategies.map((v) => el('option', { value: v, text: t(`strategy.${v}`), selected: v === s.strategy }))),
      NUMBERS.map(([field, key, min]) => [
        el('label', { for: id(field), text: t(key) }),
        el('input', { id: id(field), name: field, type: 'number', min, value: s[field] }),
      ]),
      el('label', { class: 'check' },
        el('input', { id: id('join'), name: 'joinWhenNoAgents', type: 'checkbox', checked: s.joinWhenNoAgents }),
        ' ', t('queues.joinWhenNoAgents')),
      el('label', { for: id('overflow'), text: t('queues.overflow') }),
      el('select', { id: id('overflow'), name: 'overflow' },
        el('option', { value: '', text: t('queues.noOverflow'), selected: !s.overflow }),
        this.overflowTargets(s).map((q) => el('option', { value: q, text: q, selected: q === s.overflow }))),
      el('button', { type: 'submit', class: 'primary', text: t('queues.save') }),
      result);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const body = {
        strategy: form.elements.strategy.value,
        joinWhenNoAgents: form.elements.joinWhenNoAgents.checked,
        overflow: form.elements.overflow.value || null,
      };
      NUMBERS.forEach(([field]) => { body[field] = Number(form.elements[field].value); });
      try {
        const saved = await api.call('PUT', `/api/queues/${encodeURIComponent(s.queue)}/settings`, body);
        Object.assign(s, saved);
        showResult(result, 'ok', () => t('queues.saved', { queue: s.queue }));
      } catch (err) {
        showResult(result, 'error', () => errorText(err, 'action.changeQueues'));
      }
    });
    return form;
  }

  /** The queues that the queue of settings `s` may overflow to: every other queue shown, and its current one. */
  overflowTargets(s) {
    const names = new Set(this.settings.map((o) => o.queue));
    if (s.overflow) {
      names.add(s.overflow);
    }
    names.delete(s.queue);
    return [...names].sort();
  }
}
