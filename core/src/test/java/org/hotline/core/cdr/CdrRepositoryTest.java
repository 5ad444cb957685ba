package org.hotline.core.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
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
        callId,
        "+8613800138000",
        "100",
        "1",
        "sales",
        "1001",
        arrived,
        arrived.plusSeconds(1),
        arrived.plusSeconds(90),
        12,
        70,
        CallOutcome.ANSWERED,
        "caller-bye",
        null,
        null,
        null,
        null);
  }

  static Cdr ivrHangup(String callId, Instant arrived) {
    return new Cdr(
        callId,
        "2000",
        "100",
        null,
        null,
        null,
        arrived,
        null,
        arrived.plusSeconds(5),
        0,
        0,
        CallOutcome.IVR_HANGUP,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void insert_thenBetween_readsEveryFieldBack() {
    Cdr full =
        answered("call-1", T0).withLocation("北京市", "中国移动").withWrapUp("sale", "wants the blue one");
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
  void between_ofOneAgent_readsTheCallsThatAgentAnswered_only() {
    Cdr mine =
        new Cdr(
            "mine",
            "2000",
            "100",
            null,
            "sales",
            "1001",
            T0,
            T0.plusSeconds(1),
            T0.plusSeconds(9),
            1,
            8,
            CallOutcome.ANSWERED,
            "caller-bye",
            null,
            null,
            null,
            null);
    Cdr theirs =
        new Cdr(
            "theirs",
            "2001",
            "100",
            null,
            "sales",
            "1002",
            T0.plusSeconds(1),
            T0.plusSeconds(2),
            T0.plusSeconds(9),
            1,
            7,
            CallOutcome.ANSWERED,
            "caller-bye",
            null,
            null,
            null,
            null);
    Cdr nobodys =
        new Cdr(
            "nobodys",
            "2002",
            "100",
            null,
            "sales",
            null,
            T0.plusSeconds(2),
            null,
            T0.plusSeconds(9),
            7,
            0,
            CallOutcome.ABANDONED,
            "caller-bye",
            null,
            null,
            null,
            null);
    List.of(mine, theirs, nobodys).forEach(cdrs::insert);

    assertEquals(
        List.of("mine"),
        cdrs.between(T0, T0.plusSeconds(60), "1001").stream().map(Cdr::callId).toList());
    assertEquals(3, cdrs.between(T0, T0.plusSeconds(60), null).size(), "no agent: every call");
  }

  @Test
  void insert_overLongCaller_isCutToTheColumnInsteadOfLosingTheCdr() {
    Cdr cdr = ivrHangup("call-1", T0);
    cdrs.insert(
        new Cdr(
            cdr.callId(),
            "9".repeat(500),
            cdr.dialed(),
            cdr.ivrChoice(),
            cdr.queue(),
            cdr.agentId(),
            cdr.arrivedAt(),
            cdr.answeredAt(),
            cdr.endedAt(),
            0,
            0,
            cdr.outcome(),
            "x".repeat(100),
            null,
            null,
            null,
            null));

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

  @Test
  void insert_keepsTheCallersRegionAndCarrier() {
    cdrs.insert(answered("call-1", T0).withLocation("广东省广州市", "中国联通"));

    Cdr stored = cdrs.find("call-1").orElseThrow();
    assertEquals("广东省广州市", stored.region());
    assertEquals("中国联通", stored.carrier());
  }

  @Test
  void wrapUp_ofAWrittenCdr_showsOnIt() {
    cdrs.insert(answered("call-1", T0));

    cdrs.wrapUp("call-1", "complaint", "parcel arrived broken");

    Cdr stored = cdrs.between(T0, T0.plusSeconds(1)).get(0);
    assertEquals("complaint", stored.disposition());
    assertEquals("parcel arrived broken", stored.notes());
  }

  @Test
  void wrapUp_whileTheCallIsStillOn_isKeptAndShowsOnceTheCdrIsWritten() {
    cdrs.wrapUp("call-1", "sale", null);
    assertEquals(Optional.empty(), cdrs.find("call-1"));

    cdrs.insert(answered("call-1", T0));

    assertEquals(
        answered("call-1", T0).withWrapUp("sale", null), cdrs.find("call-1").orElseThrow());
  }

  @Test
  void wrapUp_again_replacesTheFirst() {
    cdrs.insert(answered("call-1", T0));
    cdrs.wrapUp("call-1", "sale", "first");
    cdrs.wrapUp("call-1", "callback-needed", "second thoughts");

    Cdr stored = cdrs.find("call-1").orElseThrow();
    assertEquals("callback-needed", stored.disposition());
    assertEquals("second thoughts", stored.notes());
  }

  @Test
  void insert_ofACdrCarryingAWrapUp_doesNotOverwriteTheAgentsLaterOne() {
    cdrs.wrapUp("call-1", "complaint", "from the desktop");

    cdrs.insert(answered("call-1", T0).withWrapUp("sale", "from the CDR"));

    assertEquals("complaint", cdrs.find("call-1").orElseThrow().disposition());
  }

  @Test
  void wrapUp_overLongNotes_areCutToTheColumn() {
    cdrs.insert(answered("call-1", T0));

    cdrs.wrapUp("call-1", "sale", "n".repeat(CdrRepository.MAX_NOTES + 50));

    assertEquals(CdrRepository.MAX_NOTES, cdrs.find("call-1").orElseThrow().notes().length());
  }

  @Test
  void lastCallsFrom_isTheCallersNewestCallsFirst_atMostTheLimit() {
    for (int i = 0; i < 7; i++) {
      cdrs.insert(answered("call-" + i, T0.plusSeconds(i * 60L)));
    }
    cdrs.insert(ivrHangup("other-caller", T0.plusSeconds(3600)));

    List<String> ids =
        cdrs.lastCallsFrom(List.of("+8613800138000"), 5).stream().map(Cdr::callId).toList();

    assertEquals(List.of("call-6", "call-5", "call-4", "call-3", "call-2"), ids);
  }

  @Test
  void lastCallsFrom_matchesAnyOfTheNumbersGiven() {
    cdrs.insert(answered("e164", T0));
    cdrs.insert(ivrHangup("national", T0.plusSeconds(1)));

    assertEquals(2, cdrs.lastCallsFrom(List.of("+8613800138000", "2000"), 5).size());
    assertEquals(List.of(), cdrs.lastCallsFrom(List.of(), 5));
  }
}
