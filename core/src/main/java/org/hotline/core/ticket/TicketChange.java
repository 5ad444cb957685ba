package org.hotline.core.ticket;

/**
 * What may change in a ticket once opened. A null field keeps the ticket's value; an empty {@code
 * description} removes it.
 *
 * @param title the new title; not blank
 * @param description the new details
 * @param status the new status
 */
public record TicketChange(String title, String description, String status) {}
