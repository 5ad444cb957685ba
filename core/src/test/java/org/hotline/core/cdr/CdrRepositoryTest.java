package org.hotline.core.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.db.Database;
import org.hotline.core.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdrRepositoryTest {
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  @TempDir Path dir;
  Database db;
  CdrRepository cdrs;

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir);
    cdrs = new CdrRepository(db.dsl(), Clock.fixed(T0, ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    db.close();
  }

  static Cdr answered(String callId, Instant arrived) {
    return new Cdr(
        callId, "+8613800138000", "100", "1", "sales", "1001",
        arrived, arrived.plusSeconds(1), arrived.plusSeconds(90), 12, 70,
        CallOutcome.ANSWERED, "caller-bye");
  }

  static Cdr ivrHangup(String callId, Instant arrived) {
    return new Cdr(
        callId, "2000", "100", null, null, null,
        arrived, null, arrived.plusSeconds(5), 0, 0, CallOutcome.IVR_HANGUP, null);
  }

  @Test
  void insert_thenBetween_readsEveryFieldBack() {
    Cdr full = answered("call-1", T0);
    Cdr sparse = ivrHangup("call-2", T0.plusSeconds(10));

    assertTrue(cdrs.insert(full));
    assertTrue(cdrs.insert(sparse));

    assertEquals(List.of(full, sparse), cdrs.between(T0, T0.plusSeconds(3600)));
  }

  @Test
  void insert_sameCallIdTwice_storesOneRow() {
    assertTrue(cdrs.insert(answered("call-1", T0)));
    assertFalse(cdrs.insert(answered("call-1", T0)));

    assertEquals(1, cdrs.count());
  }

  @Test
  void insert_keepsMicrosecondsAndDropsNanoseconds() {
    Instant precise = T0.plusNanos(123_456_789);
    cdrs.insert(ivrHangup("call-1", precise));

    assertEquals(T0.plusNanos(123_456_000), cdrs.between(T0, T0.plusSeconds(1)).get(0).arrivedAt());
  }

  @Test
  void between_isFromInclusiveToExclusive_orderedByArrival() {
    cdrs.insert(ivrHangup("late", T0.plusSeconds(30)));
    cdrs.insert(ivrHangup("before", T0.minusSeconds(1)));
    cdrs.insert(ivrHangup("early", T0));
    cdrs.insert(ivrHangup("at-end", T0.plusSeconds(60)));

    List<String> ids = cdrs.between(T0, T0.plusSeconds(60)).stream().map(Cdr::callId).toList();

    assertEquals(List.of("early", "late"), ids);
  }

  @Test
  void insert_overLongCaller_isCutToTheColumnInsteadOfLosingTheCdr() {
    Cdr cdr = ivrHangup("call-1", T0);
    cdrs.insert(new Cdr(
        cdr.callId(), "9".repeat(500), cdr.dialed(), cdr.ivrChoice(), cdr.queue(), cdr.agentId(),
        cdr.arrivedAt(), cdr.answeredAt(), cdr.endedAt(), 0, 0, cdr.outcome(), "x".repeat(100)));

    Cdr stored = cdrs.between(T0, T0.plusSeconds(1)).get(0);
    assertEquals("9".repeat(128), stored.caller());
    assertEquals("x".repeat(64), stored.hangupCause());
  }

  @Test
  void count_countsEveryStoredCdr() {
    assertEquals(0, cdrs.count());
    for (int i = 0; i < 5; i++) {
      cdrs.insert(ivrHangup("call-" + i, T0.plusSeconds(i)));
    }
    assertEquals(5, cdrs.count());
  }
}
