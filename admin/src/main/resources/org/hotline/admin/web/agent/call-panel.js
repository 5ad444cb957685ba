// The agent's call: its state line from call-state, and the controls sent as commands (hangup,
// hold, unhold, transfer, dial). The call controls are usable while there is a call: one the page
// heard of, or, after a reconnect, the agent's state saying they are on one.

import { t, has } from './i18n.js';
import { duration, secondsSince } from './format.js';
import { showResult, clearResult, commandError } from './result.js';
import { serverNow } from './server-clock.js';

const $ = (id) => document.getElementById(id);

/** The call panel. */
export class CallPanel {
  #cti;
  #call = null;
  #queues = new Set();
  /** Whether the agent's state says they are on a call (the page may not know which). */
  #agentOnCall = false;

  /** @param cti the CtiClient commands go through */
  constructor(cti) {
    this.#cti = cti;
    $('btn-hangup').addEventListener('click', () => this.#run('hangup'));
    $('btn-hold').addEventListener('click', () => this.#run('hold'));
    $('btn-unhold').addEventListener('click', () => this.#run('unhold'));
    $('transfer-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const target = $('transfer-target').value.trim();
      if (!target) {
        showResult($('call-result'), false, () => t('call.needTarget'), 'bad-argument');
        $('transfer-target').focus();
        return;
      }
      this.#run('transfer', { [$('transfer-kind').value === 'agent' ? 'agent' : 'queue']: target });
    });
    $('dial-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const number = $('dial-number').value.replace(/[\s()-]/g, '');
      if (!number) {
        showResult($('call-result'), false, () => t('call.needNumber'), 'bad-argument');
        $('dial-number').focus();
        return;
      }
      this.#run('dial', { number });
    });
  }

  /** The call shown: {callId, state, at, outcome, direction, caller, queue}, or null. */
  get call() {
    return this.#call;
  }

  /** A call-state event. */
  update(event) {
    const same = this.#call && this.#call.callId === event.callId;
    const previous = same ? this.#call : {};
    if (!same || event.state === 'ended') {
      // What a command said was about the call before: not this one.
      clearResult($('call-result'));
    }
    this.#call = {
      callId: event.callId,
      state: event.state,
      at: event.at,
      outcome: event.outcome ?? null,
      direction: event.direction ?? previous.direction ?? 'inbound',
      caller: event.caller ?? previous.caller ?? null,
      queue: event.queue ?? previous.queue ?? null,
      name: previous.name ?? null,
      // The running time counts from the state's start on the server; from now without one.
      since: event.at ?? new Date(serverNow()).toISOString(),
    };
    if (event.queue) {
      this.addQueue(event.queue);
    }
    this.render();
  }

  /** The known customer's name for the call callId, shown instead of the number. */
  nameCaller(callId, name) {
    if (this.#call && this.#call.callId === callId && name) {
      this.#call.name = name;
      this.render();
    }
  }

  /** The agent's state: on_call enables the call controls even for a call the page missed. */
  agentState(state) {
    this.#agentOnCall = state === 'on_call';
    this.render();
  }

  /** A queue name offered as a transfer target. */
  addQueue(name) {
    if (!name || this.#queues.has(name)) {
      return;
    }
    this.#queues.add(name);
    const option = document.createElement('option');
    option.value = name;
    $('queue-list').appendChild(option);
  }

  reset() {
    this.#call = null;
    clearResult($('call-result'));
    this.render();
  }

  render() {
    const line = $('call-state');
    const call = this.#call;
    line.dataset.state = call ? call.state : 'idle';
    line.dataset.direction = call ? call.direction : '';
    $('btn-hold').hidden = call !== null && call.state === 'held';
    $('btn-unhold').hidden = call === null || call.state !== 'held';
    const talking = (call !== null && (call.state === 'connected' || call.state === 'held')) || this.#agentOnCall;
    const dialling = call !== null && call.state === 'ringing' && call.direction === 'outbound';
    $('btn-hangup').disabled = !(talking || dialling);
    $('btn-hold').disabled = !talking;
    $('btn-unhold').disabled = !talking;
    $('btn-transfer').disabled = !talking;
    $('btn-dial').disabled = talking || (call !== null && call.state === 'ringing');
    this.tick();
  }

  /** Updates the call's running time; called every second. */
  tick() {
    const call = this.#call;
    const line = $('call-state');
    if (!call) {
      line.textContent = t('call.idle');
      return;
    }
    let text;
    switch (call.state) {
      case 'ringing':
        text = t(call.direction === 'outbound' ? 'call.ringingOutbound' : 'call.ringing');
        break;
      case 'connected':
        text = t('call.connected');
        break;
      case 'held':
        text = t('call.held');
        break;
      case 'ended':
        text = t('call.ended', { outcome: has(`outcome.${call.outcome}`) ? t(`outcome.${call.outcome}`) : call.outcome || '' });
        break;
      default:
        text = call.state;
    }
    const parts = [text];
    const who = call.name ? [call.name, call.caller].filter(Boolean).join(' ') : call.caller;
    if (who) {
      parts.push(t(call.direction === 'outbound' ? 'call.to' : 'call.from', { caller: who }));
    }
    if (call.state !== 'ended') {
      const seconds = secondsSince(call.since, serverNow());
      if (seconds !== null) {
        parts.push(duration(seconds));
      }
    }
    line.textContent = parts.join(' · ');
  }

  async #run(command, fields = {}) {
    const result = $('call-result');
    clearResult(result);
    try {
      await this.#cti.send(command, fields);
      showResult(result, true, () => t('call.ok', { command: t(`command.${command}`) }));
    } catch (e) {
      showResult(result, false, () => commandError(command, e), e.code);
    }
  }
}
