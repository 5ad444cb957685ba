package org.hotline.cti.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hotline.core.cdr.Cdr;
import org.hotline.core.customer.Customer;
import org.hotline.core.event.CallEvent;
import org.hotline.core.ticket.Ticket;
import org.hotline.cti.location.CallerLocation;
import org.hotline.cti.location.CallerLocator;
import org.hotline.cti.location.NumberStatus;
import org.hotline.cti.protocol.ScreenPop;

/**
 * Builds the {@code screen-pop} of an offer: who is calling (number, location, carrier), the
 * customer the number belongs to, how they came (queue, IVR path, wait), their last calls and the
 * customer's tickets.
 *
 * <p>{@link #build(CallEvent.Offered)} and {@link #lookUp} ask the database (customer, history,
 * tickets) and must run off the event bus's thread; building from facts looked up before, and
 * {@link #withoutLookups}, need nothing but what they are given: the latter is what the agent gets
 * when the database cannot answer.
 */
public final class ScreenPops {
  /** How many past calls a screen-pop lists. */
  public static final int HISTORY = 5;

  /** How many of the customer's tickets a screen-pop lists. */
  public static final int TICKETS = 5;

  private final CallerLocator locator;
  private final Function<String, Optional<Customer>> customers;
  private final CallerHistory history;
  private final CustomerTickets tickets;

  /**
   * Screen-pops without tickets: their {@code tickets} list is always empty.
   *
   * @param customers the customer of a number as received ({@code CustomerDirectory::findByNumber})
   * @param history past calls by number ({@code CdrRepository::lastCallsFrom})
   */
  public ScreenPops(
      CallerLocator locator,
      Function<String, Optional<Customer>> customers,
      CallerHistory history) {
    this(locator, customers, history, (customerId, limit) -> List.of());
  }

  /**
   * @param customers the customer of a number as received ({@code CustomerDirectory::findByNumber})
   * @param history past calls by number ({@code CdrRepository::lastCallsFrom})
   * @param tickets a customer's tickets ({@code TicketRepository::recentFor})
   */
  public ScreenPops(
      CallerLocator locator,
      Function<String, Optional<Customer>> customers,
      CallerHistory history,
      CustomerTickets tickets) {
    this.locator = Objects.requireNonNull(locator, "locator");
    this.customers = Objects.requireNonNull(customers, "customers");
    this.history = Objects.requireNonNull(history, "history");
    this.tickets = Objects.requireNonNull(tickets, "tickets");
  }

  /**
   * The screen-pop of {@code offer}, with its customer, history and the customer's tickets looked
   * up.
   */
  public ScreenPop build(CallEvent.Offered offer) {
    return build(offer, lookUp(offer.caller()));
  }

  /** Looks up what a screen-pop tells of {@code caller}: reads the database. */
  CallerFacts lookUp(String caller) {
    CallerLocation where = locator.locate(caller);
    Optional<Customer> customer = where.known() ? customers.apply(caller) : Optional.empty();
    List<Cdr> past =
        where.status() == NumberStatus.WITHHELD
            ? List.of()
            : history.lastCallsFrom(numbers(caller, where), HISTORY);
    List<Ticket> open =
        customer.isEmpty() ? List.of() : tickets.recentFor(customer.get().id(), TICKETS);
    return new CallerFacts(where, customer, past, open);
  }

  /** The screen-pop of {@code offer} from facts looked up before: reads nothing. */
  ScreenPop build(CallEvent.Offered offer, CallerFacts facts) {
    return new ScreenPop(
        offer.agentId(),
        offer.callId(),
        caller(offer, facts.where()),
        facts.customer().map(ScreenPops::customer).orElse(null),
        offer.queue(),
        offer.ivrChoice(),
        waited(offer.queuedAt(), offer.at()),
        facts.history().stream().map(ScreenPops::pastCall).toList(),
        facts.tickets().stream().map(ScreenPops::ticket).toList(),
        false);
  }

  /** The screen-pop of {@code offer} from the number alone: no customer, no history, no tickets. */
  public ScreenPop withoutLookups(CallEvent.Offered offer) {
    return new ScreenPop(
        offer.agentId(),
        offer.callId(),
        caller(offer, locator.locate(offer.caller())),
        null,
        offer.queue(),
        offer.ivrChoice(),
        waited(offer.queuedAt(), offer.at()),
        List.of(),
        List.of(),
        true);
  }

  private ScreenPop.Caller caller(CallEvent.Offered offer, CallerLocation where) {
    return new ScreenPop.Caller(
        where.known()
            ? where.e164()
            : where.status() == NumberStatus.WITHHELD ? null : offer.caller(),
        locator.describe(where),
        where.carrier().isEmpty() ? null : where.carrier(),
        status(where.status()));
  }

  /** The number as received and, when it differs, its E.164 form: CDRs hold numbers as received. */
  private static Set<String> numbers(String raw, CallerLocation where) {
    Set<String> numbers = new LinkedHashSet<>();
    if (raw != null && !raw.isBlank()) {
      numbers.add(raw.strip());
    }
    if (where.known()) {
      numbers.add(where.e164());
    }
    return numbers;
  }

  private static String status(NumberStatus status) {
    return switch (status) {
      case KNOWN -> "valid";
      case WITHHELD -> "withheld";
      case INVALID -> "invalid";
    };
  }

  private static long waited(Instant queuedAt, Instant offeredAt) {
    if (queuedAt == null || offeredAt == null || offeredAt.isBefore(queuedAt)) {
      return 0;
    }
    return Duration.between(queuedAt, offeredAt).toSeconds();
  }

  private static ScreenPop.Customer customer(Customer c) {
    return new ScreenPop.Customer(
        c.id(), c.name(), c.level(), c.category(), c.salesStage(), c.notes());
  }

  private static ScreenPop.PastCall pastCall(Cdr c) {
    return new ScreenPop.PastCall(
        c.arrivedAt(),
        c.outcome() == null ? null : c.outcome().code(),
        c.agentId(),
        c.queue(),
        c.disposition(),
        c.talkSeconds());
  }

  private static ScreenPop.TicketLine ticket(Ticket t) {
    return new ScreenPop.TicketLine(
        t.id(), t.title(), t.status(), t.createdAt(), t.createdBy(), t.callId());
  }
}
