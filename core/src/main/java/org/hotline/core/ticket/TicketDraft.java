package org.hotline.core.ticket;

/**
 * What a ticket is opened with: every field but the id and the times.
 *
 * @param title required
 * @param description optional
 * @param status optional: {@link Ticket#OPEN} when null
 * @param callId optional: the call it came from
 * @param customerId optional: the customer it is about, who must exist
 * @param caller optional: the caller's number
 * @param createdBy required: who opens it
 */
public record TicketDraft(
    String title,
    String description,
    String status,
    String callId,
    Long customerId,
    String caller,
    String createdBy) {
  /** This draft linked to customer {@code id} and number {@code number}. */
  public TicketDraft linkedTo(Long id, String number) {
    return new TicketDraft(title, description, status, callId, id, number, createdBy);
  }
}
