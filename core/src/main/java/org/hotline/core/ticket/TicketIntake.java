package org.hotline.core.ticket;

import java.util.Objects;
import java.util.Optional;
import org.hotline.core.customer.Customer;
import org.hotline.core.customer.CustomerDirectory;

/**
 * Opens tickets as the API and the desktop ask: a ticket about a call is linked to the call's
 * caller, then stored with {@link TicketRepository}.
 *
 * <p>The caller's number is the call's ({@link CallNumbers}) when the ticket names a known call,
 * else the {@code caller} the draft gives. A ticket given no customer is linked to the customer
 * that number belongs to in the directory, when there is one. The number stays on the ticket either
 * way, in E.164 form when it is a valid number, so a ticket about an unknown caller still says who
 * called. A call that is not known (yet) is kept on the ticket as given.
 */
public final class TicketIntake {
  private final TicketRepository tickets;
  private final CustomerDirectory customers;
  private final CallNumbers calls;

  /**
   * @param tickets where tickets are stored
   * @param customers who a number belongs to
   * @param calls the caller of a call
   */
  public TicketIntake(TicketRepository tickets, CustomerDirectory customers, CallNumbers calls) {
    this.tickets = Objects.requireNonNull(tickets, "tickets");
    this.customers = Objects.requireNonNull(customers, "customers");
    this.calls = Objects.requireNonNull(calls, "calls");
  }

  /** The repository behind the intake. */
  public TicketRepository repository() {
    return tickets;
  }

  /**
   * Opens a ticket from {@code draft}, linked to its call's caller.
   *
   * @throws InvalidTicketException naming the field at fault
   */
  public Ticket open(TicketDraft draft) {
    if (draft == null) {
      throw new InvalidTicketException(null, "no ticket given");
    }
    Optional<String> fromCall =
        blank(draft.callId()) ? Optional.empty() : calls.callerOf(draft.callId().strip());
    Optional<String> number =
        fromCall.or(
            () -> blank(draft.caller()) ? Optional.empty() : Optional.of(draft.caller().strip()));
    Long customerId = draft.customerId();
    if (customerId == null) {
      customerId = number.flatMap(customers::findByNumber).map(Customer::id).orElse(null);
    }
    String kept = number.map(n -> customers.numbers().toE164(n).orElse(n)).orElse(null);
    return tickets.create(draft.linkedTo(customerId, kept));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
