// The agent's call: its state line from call-state, and the controls sent as commands (hangup,
// hold, unhold, transfer, dial). The controls stay usable whatever the page believes: after a
// reconnect it may not know of a call the server does, and the server's answer is shown either way.

import { t, has } from './i18n.js';
import { duration, secondsSince } from './format.js';
import { showResult, clearResult, commandError } from './result.js';

const $ = (id) => document.getElementById(id);

/** The call panel. */
export class CallPanel {
  #cti;
  #call = null;
  #queues = new Set();

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
    this.#call = {
      callId: event.callId,
      state: event.state,
      at: event.at,
      outcome: event.outcome ?? null,
      direction: event.direction ?? previous.direction ?? 'inbound',
      caller: event.caller ?? previous.caller ?? null,
      queue: event.queue ?? previous.queue ?? null,
      // The running time counts from when the page heard of the state, whatever the clocks say.
      heardAt: Date.now(),
    };
    if (event.queue) {
      this.addQueue(event.queue);
    }
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
    if (call.caller) {
      parts.push(t(call.direction === 'outbound' ? 'call.to' : 'call.from', { caller: call.caller }));
    }
    if (call.state !== 'ended') {
      const seconds = secondsSince(call.heardAt);
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
