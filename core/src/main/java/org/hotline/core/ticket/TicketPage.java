package org.hotline.core.ticket;

import java.util.List;

/**
 * One page of a ticket listing.
 *
 * @param items the tickets on this page, newest first
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many tickets match in all
 */
public record TicketPage(List<Ticket> items, int page, int size, long total) {
  public TicketPage {
    items = List.copyOf(items);
  }
}
