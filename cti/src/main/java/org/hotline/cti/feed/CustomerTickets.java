package org.hotline.cti.feed;

import java.util.List;
import org.hotline.core.ticket.Ticket;

/**
 * A customer's tickets for a screen pop: {@link org.hotline.core.ticket.TicketRepository#recentFor}
 * in the server.
 */
@FunctionalInterface
public interface CustomerTickets {
  /**
   * At most {@code limit} of customer {@code customerId}'s tickets: open and pending first, then
   * closed, each newest first.
   */
  List<Ticket> recentFor(long customerId, int limit);
}
