// The agent's own state: what the last agent-state said and since when, and the buttons that
// change it (set-state).

import { t, has } from './i18n.js';
import { duration, secondsSince, timeOfDay } from './format.js';
import { showResult, clearResult, commandError } from './result.js';

const $ = (id) => document.getElementById(id);

function reasonText(reason) {
  if (!reason) {
    return '';
  }
  return has(`reason.${reason}`) ? t(`reason.${reason}`) : reason;
}

/** The status panel. */
export class AgentStatePanel {
  #cti;
  #state = 'unknown';
  #reason = null;
  #since = null;
  /** When the page heard of the state: the time in it counts from here, whatever the clocks say. */
  #heardAt = null;
  #reasons = [];

  /** @param cti the CtiClient commands go through */
  constructor(cti) {
    this.#cti = cti;
    $('btn-ready').addEventListener('click', () => this.#set({ state: 'available' }));
    $('btn-break').addEventListener('click', () => this.#set({ state: 'break', reason: $('break-reason').value }));
    $('btn-logout-state').addEventListener('click', () => this.#set({ state: 'logout' }));
  }

  /** The break reasons the server allows (from the login answer). */
  setBreakReasons(reasons) {
    this.#reasons = Array.isArray(reasons) ? reasons : [];
    this.#renderReasons();
  }

  /** An agent-state event. */
  update(event) {
    this.#state = event.state || 'unknown';
    this.#reason = event.reason || null;
    this.#since = event.since || null;
    this.#heardAt = Date.now();
    this.render();
  }

  reset() {
    this.#state = 'unknown';
    this.#reason = null;
    this.#since = null;
    this.#heardAt = null;
    clearResult($('state-result'));
    this.render();
  }

  render() {
    const pill = $('agent-state');
    pill.dataset.state = this.#state;
    pill.textContent = has(`state.${this.#state}`) ? t(`state.${this.#state}`) : this.#state;
    // An offer's call id is the reason of reserved: not worth showing.
    const reason = this.#state === 'reserved' ? '' : reasonText(this.#reason);
    $('agent-reason').textContent = reason;
    $('agent-reason').dataset.reason = this.#reason || '';
    this.tick();
    this.#renderReasons();
  }

  /** Updates the time in the state; called every second. */
  tick() {
    const since = this.#since && this.#heardAt ? secondsSince(this.#heardAt) : null;
    $('agent-since').textContent =
      since === null ? '' : t('state.since', { time: timeOfDay(this.#since), elapsed: duration(since) });
  }

  #renderReasons() {
    const select = $('break-reason');
    const chosen = select.value;
    select.replaceChildren(
      ...this.#reasons.map((reason) => {
        const option = document.createElement('option');
        option.value = reason;
        option.textContent = reasonText(reason);
        return option;
      }),
    );
    if (this.#reasons.includes(chosen)) {
      select.value = chosen;
    }
    $('btn-break').disabled = this.#reasons.length === 0;
  }

  async #set(fields) {
    const result = $('state-result');
    clearResult(result);
    try {
      const reply = await this.#cti.send('set-state', fields);
      showResult(result, true, () => {
        const state = has(`state.${reply.state}`) ? t(`state.${reply.state}`) : reply.state;
        return t('state.done', { state: [state, reasonText(reply.reason)].filter(Boolean).join(' · ') });
      });
    } catch (e) {
      showResult(result, false, () => commandError('set-state', e), e.code);
    }
  }
}
