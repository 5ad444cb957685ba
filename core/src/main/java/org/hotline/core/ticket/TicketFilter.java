package org.hotline.core.ticket;

/**
 * Which tickets a listing shows: those matching every field given; a null field matches all.
 *
 * @param customerId the customer's tickets
 * @param callId the tickets of one call
 * @param status the tickets in one status
 * @param createdBy the tickets one agent or integration opened
 */
public record TicketFilter(Long customerId, String callId, String status, String createdBy) {
  /** Every ticket. */
  public static TicketFilter all() {
    return new TicketFilter(null, null, null, null);
  }
}
