package org.hotline.core.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.customer.Customer;
import org.hotline.core.customer.CustomerDirectory;
import org.hotline.core.customer.CustomerDraft;
import org.hotline.core.customer.CustomerRepository;
import org.hotline.core.customer.PhoneNormalizer;
import org.hotline.core.db.Database;
import org.hotline.core.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketIntakeTest {
  /** Chinese mobiles as dialled get +86; numbers with + stay; anything else is no number. */
  static final PhoneNormalizer NUMBERS =
      raw ->
          raw.matches("1[3-9][0-9]{9}")
              ? Optional.of("+86" + raw)
              : raw.matches("\\+[1-9][0-9]{7,14}") ? Optional.of(raw) : Optional.empty();

  @TempDir Path dir;
  Database db;
  CustomerDirectory directory;
  TicketIntake intake;
  Customer wang;

  /** Calls and their callers as received. */
  final Map<String, String> calls =
      Map.of("call-1", "13800138000", "call-2", "13900139000", "call-3", "anonymous");

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir);
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);
    directory =
        new CustomerDirectory(
            new CustomerRepository(db.dsl(), clock), NUMBERS, List.of("VIP", "normal"));
    wang =
        directory.create(
            new CustomerDraft("Wang Fang", "VIP", null, null, null, List.of("13800138000")));
    intake =
        new TicketIntake(
            new TicketRepository(db.dsl(), clock),
            directory,
            id -> Optional.ofNullable(calls.get(id)));
  }

  @AfterEach
  void close() {
    db.close();
  }

  static TicketDraft draft(String callId, Long customerId, String caller) {
    return new TicketDraft("Broken parcel", null, null, callId, customerId, caller, "1001");
  }

  @Test
  void aTicketAboutACall_isLinkedToTheCallersCustomer_andKeepsTheNumberInE164() {
    Ticket t = intake.open(draft("call-1", null, null));

    assertEquals(wang.id(), t.customerId());
    assertEquals("+8613800138000", t.caller());
    assertEquals("call-1", t.callId());
  }

  @Test
  void aTicketAboutACallFromAnUnknownCaller_keepsTheNumber_withNoCustomer() {
    Ticket t = intake.open(draft("call-2", null, null));

    assertNull(t.customerId());
    assertEquals("+8613900139000", t.caller());
  }

  @Test
  void theCustomerGiven_wins_andTheCallsNumberIsStillKept() {
    Customer li =
        directory.create(
            new CustomerDraft("Li Si", "normal", null, null, null, List.of("13700000000")));
    Ticket t = intake.open(draft("call-1", li.id(), "13700000000"));

    assertEquals(li.id(), t.customerId());
    assertEquals("+8613800138000", t.caller());
  }

  @Test
  void withoutAKnownCall_theCallerGiven_linksAndIsKept() {
    Ticket unknownCall = intake.open(draft("call-9", null, "13800138000"));
    Ticket noCall = intake.open(draft(null, null, "+8613800138000"));
    Ticket notANumber = intake.open(draft("call-3", null, null));

    assertEquals(wang.id(), unknownCall.customerId());
    assertEquals("call-9", unknownCall.callId());
    assertEquals("+8613800138000", unknownCall.caller());
    assertEquals(wang.id(), noCall.customerId());
    assertNull(notANumber.customerId());
    assertEquals("anonymous", notANumber.caller());
  }
}
