package org.hotline.core.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline.core.customer.Customer;
import org.hotline.core.customer.CustomerDraft;
import org.hotline.core.customer.CustomerRepository;
import org.hotline.core.db.Database;
import org.hotline.core.db.TestDatabases;
import org.hotline.core.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketRepositoryTest {
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00.123456789Z");

  @TempDir Path dir;
  Database db;
  final ManualClock clock = new ManualClock(T0);
  TicketRepository tickets;
  CustomerRepository customers;
  Customer wang;

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir);
    tickets = new TicketRepository(db.dsl(), clock);
    customers = new CustomerRepository(db.dsl(), clock);
    wang =
        customers.create(
            new CustomerDraft("Wang Fang", "VIP", null, null, null, List.of("+8613800138000")));
  }

  @AfterEach
  void close() {
    db.close();
  }

  static TicketDraft draft(
      String title, String status, Long customerId, String callId, String createdBy) {
    return new TicketDraft(title, null, status, callId, customerId, null, createdBy);
  }

  /** A ticket opened a minute after the one before, so they have an order. */
  Ticket at(TicketDraft draft) {
    clock.advance(Duration.ofMinutes(1));
    return tickets.create(draft);
  }

  @Test
  void create_thenFind_readsEveryFieldBack_stripped_andOpenByDefault() {
    Ticket created =
        tickets.create(
            new TicketDraft(
                "  Parcel arrived broken ",
                "Second time this month.\nSend a new one.",
                null,
                " call-1@10.0.0.7 ",
                wang.id(),
                "+8613800138000",
                "1001"));

    assertTrue(created.id() > 0);
    assertEquals("Parcel arrived broken", created.title());
    assertEquals("Second time this month.\nSend a new one.", created.description());
    assertEquals(Ticket.OPEN, created.status());
    assertEquals("call-1@10.0.0.7", created.callId());
    assertEquals(wang.id(), created.customerId());
    assertEquals("+8613800138000", created.caller());
    assertEquals("1001", created.createdBy());
    assertEquals(Instant.parse("2026-03-01T08:00:00.123456Z"), created.createdAt());
    assertEquals(created.createdAt(), created.updatedAt());
    assertEquals(Optional.of(created), tickets.find(created.id()));
    assertEquals(Optional.empty(), tickets.find(created.id() + 1));
  }

  @Test
  void create_withBadFields_isRefusedNamingTheField_andStoresNothing() {
    assertEquals(
        "title",
        assertThrows(
                InvalidTicketException.class,
                () -> tickets.create(draft(" ", null, null, null, "1001")))
            .field());
    assertEquals(
        "title",
        assertThrows(
                InvalidTicketException.class,
                () -> tickets.create(draft("x".repeat(201), null, null, null, "1001")))
            .field());
    InvalidTicketException status =
        assertThrows(
            InvalidTicketException.class,
            () -> tickets.create(draft("t", "done", null, null, "1001")));
    assertEquals("status", status.field());
    assertEquals("unknown status 'done'; one of open, pending, closed", status.getMessage());
    InvalidTicketException description =
        assertThrows(
            InvalidTicketException.class,
            () ->
                tickets.create(
                    new TicketDraft("t", "d".repeat(4001), null, null, null, null, "1001")));
    assertEquals("description is longer than 4000 characters", description.getMessage());
    InvalidTicketException customer =
        assertThrows(
            InvalidTicketException.class,
            () -> tickets.create(draft("t", null, 999L, null, "1001")));
    assertEquals("customerId", customer.field());
    assertEquals("no customer 999", customer.getMessage());
    assertEquals(
        "createdBy",
        assertThrows(
                InvalidTicketException.class,
                () -> tickets.create(draft("t", null, null, null, null)))
            .field());

    assertEquals(0, tickets.list(TicketFilter.all(), 0, 10).total());
  }

  @Test
  void create_takesTheLongestTextItsColumnsHold() {
    Ticket t =
        tickets.create(
            new TicketDraft(
                "标".repeat(200), "描".repeat(4000), "Pending", null, null, null, "1001"));

    Ticket found = tickets.find(t.id()).orElseThrow();
    assertEquals(200, found.title().length());
    assertEquals(4000, found.description().length());
    assertEquals(Ticket.PENDING, found.status());
  }

  @Test
  void update_changesOnlyTheFieldsGiven_andStampsTheChange() {
    Ticket t =
        tickets.create(
            new TicketDraft("Refund", "ask finance", null, "call-1", wang.id(), null, "1001"));
    clock.advance(Duration.ofMinutes(5));

    Ticket pending = tickets.update(t.id(), new TicketChange(null, null, "pending")).orElseThrow();
    assertEquals("Refund", pending.title());
    assertEquals("ask finance", pending.description());
    assertEquals(Ticket.PENDING, pending.status());
    assertEquals(t.createdAt(), pending.createdAt());
    assertEquals(
        T0.plus(Duration.ofMinutes(5)).truncatedTo(java.time.temporal.ChronoUnit.MICROS),
        pending.updatedAt());

    Ticket closed =
        tickets.update(t.id(), new TicketChange("Refund sent", "", "CLOSED")).orElseThrow();
    assertEquals("Refund sent", closed.title());
    assertNull(closed.description());
    assertEquals(Ticket.CLOSED, closed.status());
    assertEquals("call-1", closed.callId());
    assertEquals(wang.id(), closed.customerId());
    assertEquals(Optional.of(closed), tickets.find(t.id()));
  }

  @Test
  void update_ofNoSuchTicket_isEmpty_andBadFieldsAreRefused() {
    Ticket t = tickets.create(draft("Refund", null, null, null, "1001"));

    assertEquals(Optional.empty(), tickets.update(t.id() + 1, new TicketChange("x", null, null)));
    assertEquals(
        "title",
        assertThrows(
                InvalidTicketException.class,
                () -> tickets.update(t.id(), new TicketChange("", null, null)))
            .field());
    assertEquals(
        "status",
        assertThrows(
                InvalidTicketException.class,
                () -> tickets.update(t.id(), new TicketChange(null, null, "gone")))
            .field());
    assertEquals(Optional.of(t), tickets.find(t.id()));
  }

  @Test
  void list_filtersByCustomerCallStatusAndAuthor_newestFirst() {
    Customer li =
        customers.create(
            new CustomerDraft("Li Si", "gold", null, null, null, List.of("+8613900139000")));
    Ticket a = at(draft("a", null, wang.id(), "call-1", "1001"));
    Ticket b = at(draft("b", "closed", wang.id(), "call-2", "1002"));
    Ticket c = at(draft("c", "pending", li.id(), "call-2", "1001"));
    Ticket d = at(draft("d", null, null, null, "crm"));

    assertEquals(List.of(d, c, b, a), tickets.list(TicketFilter.all(), 0, 10).items());
    assertEquals(
        List.of(b, a), tickets.list(new TicketFilter(wang.id(), null, null, null), 0, 10).items());
    assertEquals(
        List.of(c, b), tickets.list(new TicketFilter(null, "call-2", null, null), 0, 10).items());
    assertEquals(
        List.of(d, a), tickets.list(new TicketFilter(null, null, "open", null), 0, 10).items());
    assertEquals(
        List.of(c, a), tickets.list(new TicketFilter(null, null, null, "1001"), 0, 10).items());
    assertEquals(
        List.of(b),
        tickets.list(new TicketFilter(wang.id(), "call-2", "closed", "1002"), 0, 10).items());
    assertEquals(
        List.of(), tickets.list(new TicketFilter(li.id(), null, "open", null), 0, 10).items());
    assertThrows(
        InvalidTicketException.class,
        () -> tickets.list(new TicketFilter(null, null, "nope", null), 0, 10));
  }

  @Test
  void list_pagesNewestFirst_withTheTotal() {
    for (int i = 0; i < 5; i++) {
      at(draft("t" + i, null, wang.id(), null, "1001"));
    }

    TicketPage first = tickets.list(TicketFilter.all(), 0, 2);
    TicketPage last = tickets.list(TicketFilter.all(), 2, 2);
    assertEquals(List.of("t4", "t3"), first.items().stream().map(Ticket::title).toList());
    assertEquals(5, first.total());
    assertEquals(List.of("t0"), last.items().stream().map(Ticket::title).toList());
    assertEquals(List.of(), tickets.list(TicketFilter.all(), 3, 2).items());
    assertEquals(5, tickets.list(TicketFilter.all(), 3, 2).total());
  }

  @Test
  void recentFor_listsOpenAndPendingFirst_thenTheNewestClosed_atMostN() {
    Ticket oldOpen = at(draft("old open", "open", wang.id(), null, "1001"));
    Ticket oldClosed = at(draft("old closed", "closed", wang.id(), null, "1001"));
    Ticket pending = at(draft("pending", "pending", wang.id(), null, "1001"));
    Ticket newClosed = at(draft("new closed", "closed", wang.id(), null, "1001"));
    Ticket newOpen = at(draft("new open", "open", wang.id(), null, "1001"));
    at(draft("someone else's", "open", null, null, "1001"));

    assertEquals(
        List.of(newOpen, pending, oldOpen, newClosed, oldClosed), tickets.recentFor(wang.id(), 5));
    assertEquals(List.of(newOpen, pending, oldOpen, newClosed), tickets.recentFor(wang.id(), 4));
    assertEquals(List.of(newOpen, pending), tickets.recentFor(wang.id(), 2));
    assertEquals(List.of(), tickets.recentFor(wang.id(), 0));
    assertEquals(List.of(), tickets.recentFor(wang.id() + 1, 5));
  }

  @Test
  void deletingTheCustomer_leavesTheTicket_unlinked_withItsCaller() {
    Ticket t =
        tickets.create(
            new TicketDraft(
                "Call back", null, null, "call-1", wang.id(), "+8613800138000", "1001"));

    assertTrue(customers.delete(wang.id()));

    Ticket left = tickets.find(t.id()).orElseThrow();
    assertNull(left.customerId());
    assertEquals("+8613800138000", left.caller());
    assertEquals("Call back", left.title());
    assertEquals(List.of(), tickets.recentFor(wang.id(), 5));
  }
}
