package org.hotline.core.report;

import static org.hotline.core.report.ReportFixture.ZONE;
import static org.hotline.core.report.ReportFixture.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotline.config.ReportSettings;
import org.hotline.core.db.Database;
import org.hotline.core.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports over {@link ReportFixture}'s day, every figure worked out by hand from the fixture's
 * calls and state changes (times local to Shanghai).
 */
class ReportRepositoryTest {
  static final Instant NOV_1 = at("2026-11-01T00:00:00");
  static final Instant NOV_2 = at("2026-11-02T00:00:00");
  static final double EPSILON = 1e-9;

  @TempDir Path dir;
  Database db;
  ReportRepository reports;

  /** The database the fixture goes into; PostgreSQL in {@link PostgresReportRepositoryTest}. */
  Database openDatabase() {
    return TestDatabases.open(dir);
  }

  @BeforeEach
  void seed() {
    db = openDatabase();
    ReportFixture.seed(db.dsl());
    Clock later = Clock.fixed(Instant.parse("2026-11-10T00:00:00Z"), ZONE);
    reports =
        new ReportRepository(
            db.dsl(),
            later,
            new ReportSettings(ZONE, Duration.ofSeconds(5)),
            Duration.ofSeconds(20));
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close(); // null when the test was skipped before it opened one
    }
  }

  @Test
  void volume_byDay_countsByArrivalInTheReportZone_withoutFeatureCodes_callbacksApart() {
    List<VolumeRow> rows = reports.volume(at("2026-10-31T00:00:00"), NOV_2, Interval.DAY, null);

    assertEquals(
        List.of(
            new VolumeRow(local("2026-10-31T00:00"), local("2026-11-01T00:00"), null, 1, 0),
            // s1-s7, v1-v4 and n1 (01:00 in Shanghai, still Oct 31 in UTC); not f1 (*21); cb1, cb2
            // apart.
            new VolumeRow(local("2026-11-01T00:00"), local("2026-11-02T00:00"), null, 12, 2)),
        rows);
  }

  @Test
  void volume_byHourAndQueue_hasOneRowPerBucketAndGroupWithCalls() {
    List<VolumeRow> rows = reports.volume(NOV_1, NOV_2, Interval.HOUR, GroupBy.QUEUE);

    assertEquals(11, rows.size());
    assertEquals(
        new VolumeRow(local("2026-11-01T01:00"), local("2026-11-01T02:00"), null, 1, 0),
        rows.get(0));
    assertEquals(
        new VolumeRow(local("2026-11-01T11:00"), local("2026-11-01T12:00"), "sales", 2, 0),
        rows.get(3));
    assertEquals(
        new VolumeRow(local("2026-11-01T16:00"), local("2026-11-01T17:00"), "vip", 2, 0),
        rows.get(7));
    assertEquals(
        new VolumeRow(local("2026-11-01T17:00"), local("2026-11-01T18:00"), "sales", 0, 2),
        rows.get(8));
    // s6 arrived at 23:59:50 and ended on Nov 2: it counts where it arrived.
    assertEquals(
        new VolumeRow(local("2026-11-01T23:00"), local("2026-11-02T00:00"), "sales", 1, 0),
        rows.get(10));
  }

  @Test
  void volume_byWeek_startsOnMonday_andByMonth_onTheFirst() {
    assertEquals(
        List.of(new VolumeRow(local("2026-10-26T00:00"), local("2026-11-02T00:00"), null, 13, 2)),
        reports.volume(at("2026-10-31T00:00:00"), NOV_2, Interval.WEEK, null));
    assertEquals(
        List.of(
            new VolumeRow(local("2026-10-01T00:00"), local("2026-11-01T00:00"), null, 1, 0),
            new VolumeRow(local("2026-11-01T00:00"), local("2026-12-01T00:00"), null, 12, 2)),
        reports.volume(at("2026-10-31T00:00:00"), NOV_2, Interval.MONTH, null));
  }

  @Test
  void volume_byLevel_isTheCallersCustomerLevel_nullWhenNone() {
    Map<String, Long> byLevel =
        reports.volume(NOV_1, NOV_2, Interval.DAY, GroupBy.LEVEL).stream()
            .collect(Collectors.toMap(r -> String.valueOf(r.group()), VolumeRow::calls));

    assertEquals(Map.of("null", 10L, "VIP", 1L, "gold", 1L), byLevel);
  }

  @Test
  void volume_byOutcomeAgentAndIvr_groupOnTheirColumns() {
    assertEquals(
        Map.of("answered", 7L, "abandoned", 4L, "ivr-hangup", 1L),
        reports.volume(NOV_1, NOV_2, Interval.DAY, GroupBy.OUTCOME).stream()
            .filter(r -> r.calls() > 0)
            .collect(Collectors.toMap(VolumeRow::group, VolumeRow::calls)));
    Map<String, Long> byAgent =
        reports.volume(NOV_1, NOV_2, Interval.DAY, GroupBy.AGENT).stream()
            .collect(Collectors.toMap(r -> String.valueOf(r.group()), VolumeRow::calls));
    assertEquals(Map.of("null", 4L, "1001", 4L, "1002", 3L, "tel:+8610000", 1L), byAgent);
    assertEquals(
        Map.of("null", 1L, "1", 7L, "2", 4L),
        reports.volume(NOV_1, NOV_2, Interval.DAY, GroupBy.IVR).stream()
            .filter(r -> r.calls() > 0)
            .collect(Collectors.toMap(r -> String.valueOf(r.group()), VolumeRow::calls)));
  }

  @Test
  void summary_sales_shortAbandonsApart_transfersAnswered_callbacksApart() {
    QueueSummary sales = reports.summary(NOV_1, NOV_2, null).queues().get(0);

    assertEquals("sales", sales.queue());
    assertEquals(20L, sales.serviceLevelThresholdSeconds());
    // s1-s7 minus s3 (abandoned after 3 s: short).
    assertEquals(6, sales.offered());
    assertEquals(5, sales.answered());
    assertEquals(1, sales.abandoned());
    assertEquals(1, sales.shortAbandons());
    // s1 (10 s), s5 (20 s: at the threshold counts), s6 (5 s), s7 (6 s); not s2 (30 s).
    assertEquals(4, sales.answeredInThreshold());
    assertEquals(5 / 6.0, sales.answerRate(), EPSILON);
    assertEquals(4 / 5.0, sales.serviceLevel(), EPSILON);
    assertEquals(4 / 6.0, sales.serviceLevelWithAbandons(), EPSILON);
    assertEquals((10 + 30 + 20 + 5 + 6) / 5.0, sales.averageSpeedOfAnswer(), EPSILON);
    // Talk 100 + 200 + 60 + 50 + 124 (hold 20 + 10 inside); wrap-up s1 15, s2 25, s6 20 (on Nov 2),
    // s7 20 (1002's).
    assertEquals(534 - 30, sales.talkSeconds());
    assertEquals(30, sales.holdSeconds());
    assertEquals(80, sales.wrapUpSeconds(), EPSILON);
    assertEquals((534 + 80) / 5.0, sales.averageHandleTime(), EPSILON);
    assertEquals(40L, sales.longestWait());
    assertEquals(40.0, sales.averageAbandonWait(), EPSILON);
    assertEquals(2, sales.callbackAttempts());
    assertEquals(1, sales.callbacksAnswered());
  }

  @Test
  void summary_vip_usesItsOwnThreshold_andAnAbandonAtFiveSecondsIsNotShort() {
    QueueSummary vip = reports.summary(NOV_1, NOV_2, null).queues().get(1);

    assertEquals("vip", vip.queue());
    assertEquals(10L, vip.serviceLevelThresholdSeconds());
    assertEquals(4, vip.offered());
    assertEquals(2, vip.answered());
    assertEquals(2, vip.abandoned());
    assertEquals(0, vip.shortAbandons());
    // v1 waited 8 s (in 10 s); v2 15 s would have been in sales' 20 s but not in vip's.
    assertEquals(1, vip.answeredInThreshold());
    assertEquals(0.5, vip.serviceLevel(), EPSILON);
    assertEquals(0.25, vip.serviceLevelWithAbandons(), EPSILON);
    assertEquals(11.5, vip.averageSpeedOfAnswer(), EPSILON);
    // v2 went straight back to available: no wrap-up.
    assertEquals((120 + 90 + 10) / 2.0, vip.averageHandleTime(), EPSILON);
    assertEquals(15L, vip.longestWait());
    assertEquals(8.5, vip.averageAbandonWait(), EPSILON);
    assertEquals(0, vip.callbackAttempts());
  }

  @Test
  void summary_overall_addsTheQueues_andCountsCallsWithoutQueueInVolumeOnly() {
    Summary summary = reports.summary(NOV_1, NOV_2, null);
    QueueSummary all = summary.overall();

    assertEquals(12, summary.calls());
    assertEquals(1, summary.callsWithoutQueue());
    assertEquals(2, summary.queues().size());
    assertNull(all.queue());
    assertNull(all.serviceLevelThresholdSeconds());
    assertEquals(10, all.offered());
    assertEquals(7, all.answered());
    assertEquals(3, all.abandoned());
    assertEquals(1, all.shortAbandons());
    assertEquals(5 / 7.0, all.serviceLevel(), EPSILON);
    assertEquals(0.5, all.serviceLevelWithAbandons(), EPSILON);
    assertEquals(94 / 7.0, all.averageSpeedOfAnswer(), EPSILON);
    assertEquals((744 + 90) / 7.0, all.averageHandleTime(), EPSILON);
    assertEquals(40L, all.longestWait());
    assertEquals(19.0, all.averageAbandonWait(), EPSILON);
    assertEquals(2, all.callbackAttempts());
  }

  @Test
  void summary_ofOneQueue_hasOnlyIt_andAnEmptyRangeHasNoRatios() {
    Summary vip = reports.summary(NOV_1, NOV_2, "vip");
    assertEquals(List.of("vip"), vip.queues().stream().map(QueueSummary::queue).toList());
    assertEquals(4, vip.calls());
    assertEquals(4, vip.overall().offered());

    QueueSummary none =
        reports.summary(at("2026-12-01T00:00:00"), at("2026-12-02T00:00:00"), null).overall();
    assertEquals(0, none.offered());
    assertNull(none.answerRate());
    assertNull(none.serviceLevel());
    assertNull(none.averageHandleTime());
    assertNull(none.longestWait());
  }

  @Test
  void agents_statesClippedToTheRange_fromTheStateHeldWhenItBegan() {
    Map<String, AgentFigures> agents =
        reports.agents(NOV_1, NOV_2).stream()
            .collect(Collectors.toMap(AgentFigures::agentId, a -> a));

    assertEquals(
        List.of("1001", "1002", "1003"),
        reports.agents(NOV_1, NOV_2).stream().map(AgentFigures::agentId).toList());
    AgentFigures a = agents.get("1001");
    assertEquals(
        Map.of(
            "available",
            82_476.0,
            "reserved",
            14.0,
            "on_call",
            285.0,
            "wrap_up",
            25.0,
            "break",
            3600.0),
        a.stateSeconds());
    assertEquals(3, a.callsHandled());
    assertEquals(240, a.talkSeconds());
    assertEquals(30, a.holdSeconds());
    assertEquals(45, a.wrapUpSeconds(), EPSILON);
    assertEquals(105.0, a.averageHandleTime(), EPSILON);
    assertEquals(310 / 82_800.0, a.occupancy(), EPSILON);

    AgentFigures b = agents.get("1002");
    // On a call (s0) since 23:59:05 the evening before: 120 s of it fall in the day.
    assertEquals(
        Map.of(
            "available",
            74_941.0,
            "reserved",
            14.0,
            "on_call",
            560.0,
            "wrap_up",
            85.0,
            "logged_out",
            10_800.0),
        b.stateSeconds());
    assertEquals(4, b.callsHandled());
    assertEquals(414, b.talkSeconds());
    assertEquals(30, b.holdSeconds());
    assertEquals(55, b.wrapUpSeconds(), EPSILON);
    assertEquals((444 + 55) / 4.0, b.averageHandleTime(), EPSILON);
    assertEquals(645 / 75_600.0, b.occupancy(), EPSILON);

    AgentFigures c = agents.get("1003");
    assertEquals(Map.of("break", 72_000.0, "logged_out", 14_400.0), c.stateSeconds());
    assertEquals(0, c.callsHandled());
    assertNull(c.averageHandleTime());
    assertNull(c.occupancy());
  }

  @Test
  void agents_openPeriodsEndNow_notAtTheRangeEnd() {
    Clock midday = Clock.fixed(at("2026-11-01T12:00:00"), ZONE);
    ReportRepository atNoon =
        new ReportRepository(
            db.dsl(),
            midday,
            new ReportSettings(ZONE, Duration.ofSeconds(5)),
            Duration.ofSeconds(20));

    AgentFigures c =
        atNoon.agents(NOV_1, NOV_2).stream()
            .filter(f -> f.agentId().equals("1003"))
            .findFirst()
            .orElseThrow();

    assertEquals(Map.of("break", 43_200.0), c.stateSeconds());
  }

  @Test
  void calls_drillDown_byGroupValue_paged_nullValueForCallsWithoutOne() {
    CallPage vip = reports.calls(NOV_1, NOV_2, GroupBy.QUEUE, "vip", false, 2, 3);
    assertEquals(4, vip.total());
    assertEquals(List.of("v4"), vip.calls().stream().map(CallRow::callId).toList());

    CallPage vipCustomer = reports.calls(NOV_1, NOV_2, GroupBy.LEVEL, "VIP", false, 1, 10);
    assertEquals(List.of("s1"), vipCustomer.calls().stream().map(CallRow::callId).toList());
    assertEquals("VIP", vipCustomer.calls().get(0).level());
    assertEquals(20, vipCustomer.calls().get(0).holdSeconds());

    assertEquals(
        List.of("n1"),
        reports.calls(NOV_1, NOV_2, GroupBy.QUEUE, null, false, 1, 10).calls().stream()
            .map(CallRow::callId)
            .toList());
    assertEquals(12, reports.calls(NOV_1, NOV_2, null, null, false, 1, 100).total());
    assertEquals(
        List.of("cb1", "cb2"),
        reports.calls(NOV_1, NOV_2, null, null, true, 1, 100).calls().stream()
            .map(CallRow::callId)
            .toList());
  }

  @Test
  void badRanges_andPages_areRefused() {
    assertThrows(IllegalArgumentException.class, () -> reports.summary(NOV_2, NOV_1, null));
    assertThrows(
        IllegalArgumentException.class, () -> reports.volume(NOV_1, NOV_1, Interval.DAY, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> reports.volume(at("2020-01-01T00:00:00"), NOV_2, Interval.HOUR, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> reports.calls(NOV_1, NOV_2, null, null, false, 0, 10));
    assertThrows(
        IllegalArgumentException.class,
        () -> reports.calls(NOV_1, NOV_2, null, null, false, 1, 1001));
  }

  private static OffsetDateTime local(String localDateTime) {
    return at(localDateTime + ":00").atZone(ZONE).toOffsetDateTime();
  }
}
