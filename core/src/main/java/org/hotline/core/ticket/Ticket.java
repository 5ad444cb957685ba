package org.hotline.core.ticket;

import java.time.Instant;
import java.util.List;

/**
 * A ticket (work order): something an agent has to follow up, about a call, a customer or both, as
 * stored.
 *
 * @param id the ticket's number
 * @param title what it is about, in one line
 * @param description the details; null when none
 * @param status {@value #OPEN}, {@value #PENDING} or {@value #CLOSED}
 * @param callId the call it came from; null when none
 * @param customerId the customer it is about; null when none, or when the customer was deleted
 * @param caller the caller's number (E.164 when it is a valid number); null when none
 * @param createdBy who opened it: an agent's id, or an integration's user name
 * @param createdAt when it was opened
 * @param updatedAt when it was last changed
 */
public record Ticket(
    long id,
    String title,
    String description,
    String status,
    String callId,
    Long customerId,
    String caller,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {
  /** Work to do. */
  public static final String OPEN = "open";

  /** Waiting on someone else: the customer, another team. */
  public static final String PENDING = "pending";

  /** Done. */
  public static final String CLOSED = "closed";

  /** Every status, in the order a ticket usually goes through them. */
  public static final List<String> STATUSES = List.of(OPEN, PENDING, CLOSED);
}
