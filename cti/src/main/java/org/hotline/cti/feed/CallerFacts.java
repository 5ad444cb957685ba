package org.hotline.cti.feed;

import java.util.List;
import java.util.Optional;
import org.hotline.core.cdr.Cdr;
import org.hotline.core.customer.Customer;
import org.hotline.core.ticket.Ticket;
import org.hotline.cti.location.CallerLocation;

/**
 * What is known of a caller from their number, for their screen-pops: where the number is from,
 * whose it is, their last calls and that customer's tickets. Looked up once per call, when it
 * arrives ({@link ScreenPops#lookUp}); every offer of the call pops from it.
 */
record CallerFacts(
    CallerLocation where, Optional<Customer> customer, List<Cdr> history, List<Ticket> tickets) {}
