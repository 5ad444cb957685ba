// The agent's own state: what the last agent-state said and since when, and the buttons that
// change it (set-state). With no state at all the agent's phone is not registered: the panel says
// how to register it. In wrap-up, the after-call work step ends with Done (set-state available).

import { t, has } from './i18n.js';
import { duration, secondsSince, timeOfDay } from './format.js';
import { showResult, clearResult, commandError } from './result.js';
import { serverNow } from './server-clock.js';

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
  #reasons = [];
  #agentId = null;
  #phone = null;
  #connected = false;
  /** The wrap-up time of the last call's queue in seconds, or null when not known. */
  #wrapUpSeconds = null;
  #onChange;

  /**
   * @param cti the CtiClient commands go through
   * @param onChange (state) => void, told each state the server reports
   */
  constructor(cti, onChange = () => {}) {
    this.#cti = cti;
    this.#onChange = onChange;
    $('btn-ready').addEventListener('click', () => {
      if (this.#unregistered()) {
        showResult($('state-result'), false, () => t('phone.needPhone'), 'no-phone');
        return;
      }
      this.#set({ state: 'available' });
    });
    $('btn-acw-done').addEventListener('click', () => this.#set({ state: 'available' }));
    $('btn-break').addEventListener('click', () => this.#set({ state: 'break', reason: $('break-reason').value }));
    $('btn-logout-state').addEventListener('click', () => this.#set({ state: 'logout' }));
  }

  /** The break reasons the server allows (from the login answer). */
  setBreakReasons(reasons) {
    this.#reasons = Array.isArray(reasons) ? reasons : [];
    this.#renderReasons();
  }

  /**
   * The agent signed in, and what their softphone registers with ({user, host?, port}, from the
   * login's answer; the page's host when it names none).
   */
  setAgent(agentId, phone) {
    this.#agentId = agentId;
    this.#phone = phone || null;
    this.render();
  }

  /** Whether the CTI connection is open: only then does a missing state mean a missing phone. */
  setConnected(connected) {
    this.#connected = connected;
    this.render();
  }

  /** The wrap-up time of the last call's queue (seconds), or null: the after-call step counts down. */
  setWrapUpSeconds(seconds) {
    this.#wrapUpSeconds = Number.isFinite(seconds) ? seconds : null;
    this.tick();
  }

  /** An agent-state event. */
  update(event) {
    this.#state = event.state || 'unknown';
    this.#reason = event.reason || null;
    this.#since = event.since || null;
    this.render();
    this.#onChange(this.#state);
  }

  reset() {
    this.#state = 'unknown';
    this.#reason = null;
    this.#since = null;
    this.#connected = false;
    clearResult($('state-result'));
    this.render();
  }

  #unregistered() {
    return this.#connected && this.#state === 'unknown';
  }

  render() {
    const pill = $('agent-state');
    pill.dataset.state = this.#state;
    pill.textContent = has(`state.${this.#state}`) ? t(`state.${this.#state}`) : this.#state;
    // An offer's or a call's id is no reason to show: a break reason or a known one is.
    const shown = this.#state === 'break' || has(`reason.${this.#reason}`);
    const reason = shown ? reasonText(this.#reason) : '';
    $('agent-reason').textContent = reason;
    $('agent-reason').dataset.reason = this.#reason || '';
    // Ready is the main action only when the agent is not ready already.
    $('btn-ready').classList.toggle('primary', ['break', 'logged_out', 'wrap_up'].includes(this.#state));
    $('phone-hint').hidden = !this.#unregistered();
    $('phone-user').textContent = this.#phone?.user || this.#agentId || '';
    $('phone-server').textContent = this.#phone?.host || location.hostname;
    $('phone-port').textContent = this.#phone?.port ? String(this.#phone.port) : '';
    $('acw').hidden = this.#state !== 'wrap_up';
    this.tick();
    this.#renderReasons();
  }

  /** Updates the time in the state; called every second. */
  tick() {
    // Counted from the state's start on the server, not from when the page loaded.
    const since = this.#since ? secondsSince(this.#since, serverNow()) : null;
    $('agent-since').textContent =
      since === null ? '' : t('state.since', { time: timeOfDay(this.#since), elapsed: duration(since) });
    $('acw-line').textContent = this.#state === 'wrap_up' ? this.#afterCallLine(since ?? 0) : '';
  }

  /** The after-call work step: time left before the next call when known, else time spent. */
  #afterCallLine(elapsed) {
    if (this.#wrapUpSeconds === null) {
      return t('acw.line', { elapsed: duration(elapsed) });
    }
    return t('acw.countdown', { remaining: duration(Math.max(0, this.#wrapUpSeconds - elapsed)) });
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
