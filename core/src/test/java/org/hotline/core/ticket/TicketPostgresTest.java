package org.hotline.core.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.core.customer.Customer;
import org.hotline.core.customer.CustomerDraft;
import org.hotline.core.customer.CustomerRepository;
import org.hotline.core.db.Database;
import org.hotline.core.db.TestPostgres;
import org.hotline.core.time.ManualClock;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tickets on a real PostgreSQL, as {@code org.hotline.core.db.PostgresDatabaseTest} finds it
 * ({@code HOTLINE_TEST_PG_URL}, {@code _USER}, {@code _PASSWORD}; {@code .ci/run} starts one), in a
 * schema of its own ({@code ticket_test}, dropped and recreated) so the two tests never meet.
 * Without the variables it fails in CI and is skipped elsewhere.
 */
class TicketPostgresTest {
  static final String SCHEMA = "ticket_test";
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00.123456789Z");

  @TempDir Path dir;

  @BeforeEach
  void requirePostgres() {
    TestPostgres.require();
  }

  @Test
  void postgres_migratesAndServesTickets() throws SQLException {
    ManualClock clock = new ManualClock(T0);
    try (Database db = new Database(TestPostgres.freshSchema(SCHEMA, dir))) {
      CustomerRepository customers = new CustomerRepository(db.dsl(), clock);
      TicketRepository tickets = new TicketRepository(db.dsl(), clock);
      Customer wang =
          customers.create(
              new CustomerDraft("王芳", "VIP", null, null, null, List.of("+8613800138000")));

      Ticket closed =
          tickets.create(
              new TicketDraft("旧的", null, "closed", "call-0", wang.id(), "+8613800138000", "1001"));
      clock.advance(Duration.ofMinutes(1));
      Ticket open =
          tickets.create(
              new TicketDraft(
                  "包裹破损", "描".repeat(4000), null, "call-1", wang.id(), "+8613800138000", "1001"));
      clock.advance(Duration.ofMinutes(1));
      Ticket newest =
          tickets.create(
              new TicketDraft("Refund", null, "closed", "call-2", wang.id(), null, "crm"));

      assertEquals(Instant.parse("2026-03-01T08:01:00.123456Z"), open.createdAt());
      assertEquals(open, tickets.find(open.id()).orElseThrow());
      assertEquals(List.of(open, newest, closed), tickets.recentFor(wang.id(), 5));
      assertEquals(
          List.of(newest, open),
          tickets.list(new TicketFilter(wang.id(), null, null, null), 0, 2).items());
      assertEquals(
          List.of(open),
          tickets.list(new TicketFilter(null, "call-1", "open", "1001"), 0, 10).items());

      Ticket pending =
          tickets.update(open.id(), new TicketChange(null, "", "pending")).orElseThrow();
      assertNull(pending.description());
      assertThrows(
          DataAccessException.class,
          () -> db.dsl().execute("UPDATE ticket SET status = 'lost' WHERE id = " + open.id()),
          "the status check holds");
      assertThrows(
          InvalidTicketException.class,
          () -> tickets.create(new TicketDraft("t", null, null, null, 999L, null, "1001")));

      customers.delete(wang.id());
      assertNull(tickets.find(open.id()).orElseThrow().customerId());
      assertEquals("+8613800138000", tickets.find(open.id()).orElseThrow().caller());
    }
  }
}
