package org.hotline.core.report;

import static org.hotline.core.db.jooq.Tables.ACD_QUEUE;
import static org.hotline.core.db.jooq.Tables.AGENT;
import static org.hotline.core.db.jooq.Tables.CDR;
import static org.hotline.core.db.jooq.Tables.CUSTOMER;
import static org.hotline.core.db.jooq.Tables.CUSTOMER_PHONE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.hotline.core.agent.AgentEventRepository;
import org.hotline.core.agent.AgentState;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.cdr.Cdr;
import org.hotline.core.cdr.CdrRepository;
import org.hotline.core.db.DbTime;
import org.hotline.core.event.AgentEvent;
import org.jooq.DSLContext;

/**
 * A day of calls and agent states whose report figures are worked out by hand in {@link
 * ReportRepositoryTest}. Times are local to Shanghai (UTC+8); the day reported is 2026-11-01, a
 * Sunday.
 *
 * <p>Queue {@code sales} has no settings of its own (threshold 20 s); {@code vip} has a 10 s
 * threshold. Agents 1001 and 1002 take calls; 1003 spends the day on a break begun a week before.
 */
final class ReportFixture {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private ReportFixture() {}

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(ZONE).toInstant();
  }

  static void seed(DSLContext dsl) {
    Clock clock = Clock.systemUTC();
    CdrRepository cdrs = new CdrRepository(dsl, clock);
    dsl.insertInto(ACD_QUEUE)
        .set(ACD_QUEUE.NAME, "vip")
        .set(ACD_QUEUE.STRATEGY, "longest-idle")
        .set(ACD_QUEUE.WRAP_UP_MS, 10_000L)
        .set(ACD_QUEUE.WEIGHT, 1)
        .set(ACD_QUEUE.MAX_WAITING, 0)
        .set(ACD_QUEUE.MAX_WAIT_MS, 0L)
        .set(ACD_QUEUE.JOIN_WHEN_NO_AGENTS, true)
        .set(ACD_QUEUE.SERVICE_LEVEL_MS, 10_000L)
        .execute();
    customer(dsl, 1, "VIP", "+8613800000001");
    customer(dsl, 2, "gold", "+8613800000002");
    for (String id : new String[] {"1001", "1002", "1003"}) {
      dsl.insertInto(AGENT)
          .set(AGENT.ID, id)
          .set(AGENT.NAME, "Agent " + id)
          .set(AGENT.SIP_USER, id)
          .set(AGENT.REALM, "hotline")
          .set(AGENT.HA1_MD5, "0".repeat(32))
          .set(AGENT.HA1_SHA256, "0".repeat(64))
          .set(AGENT.CREATED_AT, DbTime.utc(at("2026-10-01T00:00:00")))
          .execute();
    }

    // The evening before: arrives 23:59 on Oct 31, talks across midnight: not a call of Nov 1.
    call(
        cdrs,
        dsl,
        "s0",
        "+8613900000000",
        "100",
        "1",
        "sales",
        "1002",
        "2026-10-31T23:59:00",
        5,
        175,
        0,
        CallOutcome.ANSWERED);
    // Sales, threshold 20 s.
    call(
        cdrs,
        dsl,
        "s1",
        "+8613800000001",
        "100",
        "1",
        "sales",
        "1001",
        "2026-11-01T09:00:00",
        10,
        100,
        20,
        CallOutcome.ANSWERED);
    call(
        cdrs,
        dsl,
        "s2",
        "+8613800000002",
        "100",
        "1",
        "sales",
        "1002",
        "2026-11-01T10:00:00",
        30,
        200,
        0,
        CallOutcome.ANSWERED);
    call(
        cdrs,
        dsl,
        "s3",
        "+8613900000003",
        "100",
        "1",
        "sales",
        null,
        "2026-11-01T11:00:00",
        3,
        0,
        0,
        CallOutcome.ABANDONED);
    call(
        cdrs,
        dsl,
        "s4",
        "+8613900000004",
        "100",
        "1",
        "sales",
        "1001",
        "2026-11-01T11:30:00",
        40,
        0,
        0,
        CallOutcome.ABANDONED);
    // Transferred out to a number after the answer.
    call(
        cdrs,
        dsl,
        "s5",
        "+8613900000005",
        "100",
        "1",
        "sales",
        "tel:+8610000",
        "2026-11-01T12:00:00",
        20,
        60,
        0,
        CallOutcome.ANSWERED);
    // Arrives ten seconds before midnight, ends (and is wrapped up) on Nov 2: a call of Nov 1.
    call(
        cdrs,
        dsl,
        "s6",
        "+8613900000006",
        "100",
        "1",
        "sales",
        "1001",
        "2026-11-01T23:59:50",
        5,
        50,
        10,
        CallOutcome.ANSWERED);
    // Answered by 1001, transferred to 1002 who ends it.
    call(
        cdrs,
        dsl,
        "s7",
        "+8613900000007",
        "100",
        "1",
        "sales",
        "1002",
        "2026-11-01T19:00:00",
        6,
        124,
        0,
        CallOutcome.ANSWERED);
    // VIP, threshold 10 s.
    call(
        cdrs,
        dsl,
        "v1",
        "+8613900000011",
        "100",
        "2",
        "vip",
        "1001",
        "2026-11-01T14:00:00",
        8,
        120,
        0,
        CallOutcome.ANSWERED);
    call(
        cdrs,
        dsl,
        "v2",
        "+8613900000012",
        "100",
        "2",
        "vip",
        "1002",
        "2026-11-01T15:00:00",
        15,
        90,
        30,
        CallOutcome.ANSWERED);
    call(
        cdrs,
        dsl,
        "v3",
        "+8613900000013",
        "100",
        "2",
        "vip",
        null,
        "2026-11-01T16:00:00",
        12,
        0,
        0,
        CallOutcome.ABANDONED);
    // Exactly the short-abandon time: not a short abandon.
    call(
        cdrs,
        dsl,
        "v4",
        "+8613900000014",
        "100",
        "2",
        "vip",
        null,
        "2026-11-01T16:30:00",
        5,
        0,
        0,
        CallOutcome.ABANDONED);
    // Never reached a queue; 01:00 in Shanghai is still Oct 31 in UTC.
    call(
        cdrs,
        dsl,
        "n1",
        "+8613900000021",
        "100",
        null,
        null,
        null,
        "2026-11-01T01:00:00",
        0,
        0,
        0,
        CallOutcome.IVR_HANGUP);
    // An agent's feature code: no customer's call.
    call(
        cdrs,
        dsl,
        "f1",
        "1001",
        "*21",
        null,
        null,
        "1001",
        "2026-11-01T08:30:00",
        0,
        0,
        0,
        CallOutcome.IVR_HANGUP);
    // Callback attempts: apart from inbound calls.
    call(
        cdrs,
        dsl,
        "cb1",
        "+8613900000031",
        "callback",
        null,
        "sales",
        "1002",
        "2026-11-01T17:00:00",
        0,
        30,
        0,
        CallOutcome.ANSWERED);
    call(
        cdrs,
        dsl,
        "cb2",
        "+8613900000032",
        "callback",
        null,
        "sales",
        "1002",
        "2026-11-01T17:30:00",
        0,
        0,
        0,
        CallOutcome.FAILED);

    AgentEventRepository events = new AgentEventRepository(dsl, clock);
    String a = "1001";
    event(
        events,
        a,
        "2026-10-31T20:00:00",
        AgentState.LOGGED_OUT,
        AgentState.AVAILABLE,
        "registered");
    event(events, a, "2026-11-01T09:00:05", AgentState.AVAILABLE, AgentState.RESERVED, "s1");
    event(events, a, "2026-11-01T09:00:10", AgentState.RESERVED, AgentState.ON_CALL, "s1");
    event(events, a, "2026-11-01T09:01:50", AgentState.ON_CALL, AgentState.WRAP_UP, "call-ended");
    event(
        events, a, "2026-11-01T09:02:05", AgentState.WRAP_UP, AgentState.AVAILABLE, "wrap-up-done");
    event(events, a, "2026-11-01T12:00:00", AgentState.AVAILABLE, AgentState.BREAK, "lunch");
    event(events, a, "2026-11-01T13:00:00", AgentState.BREAK, AgentState.AVAILABLE, "ready");
    event(events, a, "2026-11-01T14:00:05", AgentState.AVAILABLE, AgentState.RESERVED, "v1");
    event(events, a, "2026-11-01T14:00:08", AgentState.RESERVED, AgentState.ON_CALL, "v1");
    event(events, a, "2026-11-01T14:02:08", AgentState.ON_CALL, AgentState.WRAP_UP, "call-ended");
    event(
        events, a, "2026-11-01T14:02:18", AgentState.WRAP_UP, AgentState.AVAILABLE, "wrap-up-done");
    event(events, a, "2026-11-01T19:00:03", AgentState.AVAILABLE, AgentState.RESERVED, "s7");
    event(events, a, "2026-11-01T19:00:06", AgentState.RESERVED, AgentState.ON_CALL, "s7");
    event(events, a, "2026-11-01T19:01:06", AgentState.ON_CALL, AgentState.AVAILABLE, "call-ended");
    event(events, a, "2026-11-01T23:59:52", AgentState.AVAILABLE, AgentState.RESERVED, "s6");
    event(events, a, "2026-11-01T23:59:55", AgentState.RESERVED, AgentState.ON_CALL, "s6");
    event(events, a, "2026-11-02T00:00:45", AgentState.ON_CALL, AgentState.WRAP_UP, "call-ended");
    event(
        events, a, "2026-11-02T00:01:05", AgentState.WRAP_UP, AgentState.AVAILABLE, "wrap-up-done");
    event(events, a, "2026-11-02T01:00:00", AgentState.AVAILABLE, AgentState.LOGGED_OUT, "logout");

    String b = "1002";
    event(
        events,
        b,
        "2026-10-31T22:00:00",
        AgentState.LOGGED_OUT,
        AgentState.AVAILABLE,
        "registered");
    event(events, b, "2026-10-31T23:59:02", AgentState.AVAILABLE, AgentState.RESERVED, "s0");
    event(events, b, "2026-10-31T23:59:05", AgentState.RESERVED, AgentState.ON_CALL, "s0");
    event(events, b, "2026-11-01T00:02:00", AgentState.ON_CALL, AgentState.WRAP_UP, "call-ended");
    event(
        events, b, "2026-11-01T00:02:30", AgentState.WRAP_UP, AgentState.AVAILABLE, "wrap-up-done");
    event(events, b, "2026-11-01T10:00:25", AgentState.AVAILABLE, AgentState.RESERVED, "s2");
    event(events, b, "2026-11-01T10:00:30", AgentState.RESERVED, AgentState.ON_CALL, "s2");
    event(events, b, "2026-11-01T10:03:50", AgentState.ON_CALL, AgentState.WRAP_UP, "call-ended");
    event(
        events, b, "2026-11-01T10:04:15", AgentState.WRAP_UP, AgentState.AVAILABLE, "wrap-up-done");
    event(events, b, "2026-11-01T15:00:12", AgentState.AVAILABLE, AgentState.RESERVED, "v2");
    event(events, b, "2026-11-01T15:00:15", AgentState.RESERVED, AgentState.ON_CALL, "v2");
    event(events, b, "2026-11-01T15:01:45", AgentState.ON_CALL, AgentState.AVAILABLE, "call-ended");
    event(events, b, "2026-11-01T17:00:00", AgentState.AVAILABLE, AgentState.RESERVED, "cb1");
    event(events, b, "2026-11-01T17:00:02", AgentState.RESERVED, AgentState.ON_CALL, "cb1");
    event(events, b, "2026-11-01T17:00:32", AgentState.ON_CALL, AgentState.WRAP_UP, "call-ended");
    event(
        events, b, "2026-11-01T17:00:42", AgentState.WRAP_UP, AgentState.AVAILABLE, "wrap-up-done");
    event(events, b, "2026-11-01T19:01:06", AgentState.AVAILABLE, AgentState.RESERVED, "s7");
    event(events, b, "2026-11-01T19:01:10", AgentState.RESERVED, AgentState.ON_CALL, "s7");
    event(events, b, "2026-11-01T19:03:10", AgentState.ON_CALL, AgentState.WRAP_UP, "call-ended");
    event(
        events, b, "2026-11-01T19:03:30", AgentState.WRAP_UP, AgentState.AVAILABLE, "wrap-up-done");
    event(events, b, "2026-11-01T21:00:00", AgentState.AVAILABLE, AgentState.LOGGED_OUT, "logout");

    String c = "1003";
    event(events, c, "2026-10-25T09:00:00", AgentState.AVAILABLE, AgentState.BREAK, "training");
    event(events, c, "2026-11-01T20:00:00", AgentState.BREAK, AgentState.LOGGED_OUT, "logout");
  }

  private static void customer(DSLContext dsl, long id, String level, String phone) {
    dsl.insertInto(CUSTOMER)
        .set(CUSTOMER.ID, id)
        .set(CUSTOMER.NAME, "Customer " + id)
        .set(CUSTOMER.LEVEL, level)
        .set(CUSTOMER.CREATED_AT, DbTime.utc(at("2026-10-01T00:00:00")))
        .set(CUSTOMER.UPDATED_AT, DbTime.utc(at("2026-10-01T00:00:00")))
        .execute();
    dsl.insertInto(CUSTOMER_PHONE)
        .set(CUSTOMER_PHONE.E164, phone)
        .set(CUSTOMER_PHONE.CUSTOMER_ID, id)
        .set(CUSTOMER_PHONE.ORDINAL, 0)
        .execute();
  }

  /** A call that spent 2 s in the IVR, {@code wait} s queued, then {@code talk} s with an agent. */
  private static void call(
      CdrRepository cdrs,
      DSLContext dsl,
      String id,
      String caller,
      String dialed,
      String ivr,
      String queue,
      String agent,
      String arrived,
      long wait,
      long talk,
      long hold,
      CallOutcome outcome) {
    Instant arrivedAt = at(arrived);
    Instant ended = arrivedAt.plusSeconds(2 + wait + talk);
    String region = queue == null ? null : "上海";
    cdrs.insert(
        new Cdr(
            id,
            caller,
            dialed,
            ivr,
            queue,
            agent,
            arrivedAt,
            arrivedAt.plusSeconds(1),
            ended,
            wait,
            talk,
            outcome,
            outcome == CallOutcome.ANSWERED ? "caller-bye" : "caller-cancel",
            region,
            null,
            null,
            null));
    dsl.update(CDR).set(CDR.HOLD_SECONDS, hold).where(CDR.CALL_ID.eq(id)).execute();
  }

  private static void event(
      AgentEventRepository events,
      String agent,
      String local,
      AgentState from,
      AgentState to,
      String reason) {
    events.insert(new AgentEvent.StateChanged(agent, from, to, reason, at(local)));
  }
}
