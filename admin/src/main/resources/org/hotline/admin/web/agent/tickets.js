// The ticket form: a ticket for the caller and the call, created with POST /api/tickets and
// added to the card's list.

import { t } from './i18n.js';
import { createTicket } from './api.js';
import { showResult, clearResult } from './result.js';

const $ = (id) => document.getElementById(id);

/** The ticket form. */
export class TicketForm {
  #context;
  #onCreated;

  /**
   * @param context () => {callId, customerId, caller} of the call on the card (fields may be null)
   * @param onCreated (ticket) => void, for the ticket the server created
   */
  constructor(context, onCreated) {
    this.#context = context;
    this.#onCreated = onCreated;
    $('ticket-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.#create();
    });
  }

  reset() {
    $('ticket-subject').value = '';
    $('ticket-description').value = '';
    $('ticket-status').value = 'open';
    clearResult($('ticket-result'));
  }

  async #create() {
    const result = $('ticket-result');
    clearResult(result);
    const title = $('ticket-subject').value.trim();
    if (!title) {
      showResult(result, false, () => t('ticket.needTitle'), 'bad-argument');
      $('ticket-subject').focus();
      return;
    }
    const context = this.#context();
    const button = $('btn-ticket');
    button.disabled = true;
    try {
      const ticket = await createTicket({
        title,
        description: $('ticket-description').value.trim(),
        status: $('ticket-status').value,
        callId: context.callId ?? null,
        customerId: context.customerId ?? null,
        caller: context.caller ?? null,
      });
      showResult(result, true, () => t('ticket.created', { id: ticket && ticket.id !== undefined ? ticket.id : '' }));
      $('ticket-subject').value = '';
      $('ticket-description').value = '';
      this.#onCreated(ticket || {});
    } catch (e) {
      showResult(result, false, () => t('ticket.failed', { message: e.message }), String(e.status || ''));
    } finally {
      button.disabled = false;
    }
  }
}
