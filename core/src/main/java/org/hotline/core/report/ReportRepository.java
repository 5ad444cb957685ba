package org.hotline.core.report;

import static org.hotline.core.db.jooq.Tables.ACD_QUEUE;
import static org.hotline.core.db.jooq.Tables.CDR;
import static org.hotline.core.db.jooq.Tables.CUSTOMER;
import static org.hotline.core.report.CallScope.ANSWERED;
import static org.hotline.core.report.CallScope.CALLBACK_ATTEMPT;
import static org.hotline.core.report.CallScope.INBOUND;
import static org.hotline.core.report.CallScope.one;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hotline.config.ReportSettings;
import org.hotline.core.call.CallOutcome;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Supervisor reports read from the {@code cdr}, {@code agent_event}, {@code acd_queue} and customer
 * tables. Every figure is aggregated by the database ({@code GROUP BY}, window functions), in SQL
 * that H2 and PostgreSQL both run; Java only divides the sums and puts the rows in records. The
 * definitions are in {@code docs/metrics.md}, "Reports".
 *
 * <p>A call belongs to the range its arrival falls in, whenever it ended. Feature-code calls
 * ({@code dialed} starting with {@code *}) are no customer's calls and count nowhere; callback
 * attempts ({@code dialed = callback}) are counted apart from inbound calls.
 */
public final class ReportRepository {
  private static final String ANSWERED_CODE = CallOutcome.ANSWERED.code();
  private static final String ABANDONED_CODE = CallOutcome.ABANDONED.code();

  /** The most calls on one drill-down page. */
  public static final int MAX_PAGE_SIZE = 1000;

  private final DSLContext dsl;
  private final Clock clock;
  private final ZoneId zone;
  private final long shortAbandonMs;
  private final long defaultServiceLevelMs;

  /**
   * @param dsl where the tables are
   * @param clock tells now: agent state periods still open end at it
   * @param settings the report zone and the short-abandon time
   * @param defaultServiceLevel the threshold of queues without settings of their own ({@code
   *     hotline.acd.service-level})
   */
  public ReportRepository(
      DSLContext dsl, Clock clock, ReportSettings settings, Duration defaultServiceLevel) {
    this.dsl = Objects.requireNonNull(dsl, "dsl");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.zone = settings.timeZone();
    this.shortAbandonMs = settings.shortAbandon().toMillis();
    this.defaultServiceLevelMs = defaultServiceLevel.toMillis();
  }

  /** The zone reports count days in. */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Calls by time bucket, optionally split by {@code by}: one row per bucket and group that has
   * calls, oldest first, groups by value with the calls without one first. Buckets without a call
   * are left out.
   *
   * @param by the grouping, or null for none
   * @throws IllegalArgumentException when the range is empty or has too many buckets
   */
  public List<VolumeRow> volume(Instant from, Instant to, Interval interval, GroupBy by) {
    checkRange(from, to);
    Table<?> buckets = Buckets.table(Buckets.bounds(from, to, interval, zone));
    Field<OffsetDateTime> start = buckets.field("bucket_start", OffsetDateTime.class);
    Field<OffsetDateTime> end = buckets.field("bucket_end", OffsetDateTime.class);
    Field<String> group =
        by == null ? DSL.inline((String) null, String.class) : CallScope.field(by);
    Field<BigDecimal> calls = DSL.sum(one(INBOUND)).as("calls");
    Field<BigDecimal> callbacks = DSL.sum(one(CALLBACK_ATTEMPT)).as("callbacks");
    Table<?> source = by == GroupBy.LEVEL ? CallScope.cdrWithLevel() : CDR;
    // The buckets first, each finding its calls through the arrival index; a left join keeps them
    // first on H2, whose planner would otherwise look the buckets up once per call.
    var select =
        dsl.select(start, end, group, calls, callbacks)
            .from(buckets)
            .leftJoin(source)
            .on(CDR.ARRIVED_AT.ge(start))
            .and(CDR.ARRIVED_AT.lt(end))
            .where(CallScope.arrivedIn(from, to));
    var ordered =
        by == null
            ? select.groupBy(start, end).orderBy(start)
            : select.groupBy(start, end, group).orderBy(start, group.asc().nullsFirst());
    return ordered.fetch(
        r ->
            new VolumeRow(
                r.get(start).atZoneSameInstant(zone).toOffsetDateTime(),
                r.get(end).atZoneSameInstant(zone).toOffsetDateTime(),
                by == null ? null : r.get(group),
                r.get(calls).longValue(),
                r.get(callbacks).longValue()));
  }

  /**
   * The summary of the calls that arrived in {@code [from, to)}: per queue, and all queues
   * together.
   *
   * @param queue only this queue, or null for all
   * @throws IllegalArgumentException when the range is empty
   */
  public Summary summary(Instant from, Instant to, String queue) {
    checkRange(from, to);
    Map<String, Long> thresholds = thresholds();
    Condition where = CallScope.arrivedIn(from, to);
    if (queue != null) {
      where = where.and(CDR.QUEUE.eq(queue));
    }
    Map<String, Double> wraps = new HashMap<>();
    Field<BigDecimal> wrap = DSL.sum(WrapUps.SECONDS).as("wrap");
    // The wrap-ups first, each finding its call by the primary key: see WrapUps.
    dsl.select(CDR.QUEUE, wrap)
        .from(WrapUps.table(dsl, from, to, false))
        .leftJoin(CDR)
        .on(CDR.CALL_ID.eq(WrapUps.CALL_ID))
        .where(where)
        .and(INBOUND)
        .and(ANSWERED)
        .groupBy(CDR.QUEUE)
        .forEach(r -> wraps.put(r.get(CDR.QUEUE), d(r, wrap)));

    // The calls in classes (queue, callback or not, outcome, waited under the short-abandon time,
    // waited within the queue's threshold), a few dozen rows the figures are then added up from:
    // cheaper per CDR than a conditional sum per figure.
    Field<Integer> callback = one(CALLBACK_ATTEMPT).as("callback");
    Field<Integer> quick = one(CDR.WAIT_SECONDS.mul(1000).lt(shortAbandonMs)).as("quick");
    Field<Integer> inTime =
        one(CDR.WAIT_SECONDS.mul(1000).le(thresholdMs(thresholds))).as("in_time");
    Field<Integer> count = DSL.count().as("n");
    Field<BigDecimal> wait = DSL.sum(CDR.WAIT_SECONDS).as("wait");
    Field<BigDecimal> talk = DSL.sum(CDR.TALK_SECONDS).as("talk");
    Field<BigDecimal> hold = DSL.sum(CDR.HOLD_SECONDS).as("hold");
    Field<Long> longest = DSL.max(CDR.WAIT_SECONDS).as("longest");
    Map<String, Sums> byQueue = new LinkedHashMap<>();
    dsl.select(CDR.QUEUE, callback, CDR.OUTCOME, quick, inTime, count, wait, talk, hold, longest)
        .from(CDR)
        .where(where)
        .groupBy(CDR.QUEUE, callback, CDR.OUTCOME, quick, inTime)
        .orderBy(CDR.QUEUE.asc().nullsFirst())
        .forEach(
            r -> {
              String name = r.get(CDR.QUEUE);
              Sums add =
                  Sums.of(
                      name,
                      r.get(callback) == 1,
                      r.get(CDR.OUTCOME),
                      r.get(quick) == 1,
                      r.get(inTime) == 1,
                      r.get(count),
                      n(r, wait),
                      n(r, talk),
                      n(r, hold),
                      r.get(longest));
              byQueue.merge(name, add, Sums::plus);
            });
    List<Sums> rows =
        byQueue.values().stream()
            .map(
                s ->
                    s.with(
                        s.queue,
                        wraps.getOrDefault(s.queue, 0.0),
                        thresholds.getOrDefault(s.queue, defaultServiceLevelMs)))
            .toList();

    long allCalls = 0;
    long withoutQueue = 0;
    List<QueueSummary> queues = new ArrayList<>();
    Sums total = Sums.ZERO;
    for (Sums s : rows) {
      allCalls += s.calls;
      if (s.queue == null) {
        withoutQueue = s.calls;
        continue;
      }
      queues.add(s.summary(s.thresholdMs / 1000));
      total = total.plus(s);
    }
    return new Summary(from, to, allCalls, withoutQueue, queues, total.summary(null));
  }

  /**
   * The figures of each agent for {@code [from, to)}: the calls of the range they answered (by
   * arrival) and the time they spent in each state within it, by agent id. Addresses a call was
   * transferred to ({@code tel:+86...}) are no agents and are left out.
   *
   * @throws IllegalArgumentException when the range is empty
   */
  public List<AgentFigures> agents(Instant from, Instant to) {
    checkRange(from, to);
    Field<BigDecimal> handled = DSL.count().cast(BigDecimal.class).as("handled");
    Field<BigDecimal> talk = DSL.sum(CDR.TALK_SECONDS).as("talk");
    Field<BigDecimal> hold = DSL.sum(CDR.HOLD_SECONDS).as("hold");
    Condition handledCalls =
        CallScope.arrivedIn(from, to)
            .and(ANSWERED)
            .and(CDR.AGENT_ID.isNotNull())
            .and(CDR.AGENT_ID.notLike("%:%"));
    Map<String, long[]> calls = new HashMap<>();
    dsl.select(CDR.AGENT_ID, handled, talk, hold)
        .from(CDR)
        .where(handledCalls)
        .groupBy(CDR.AGENT_ID)
        .forEach(
            r ->
                calls.put(r.get(CDR.AGENT_ID), new long[] {n(r, handled), n(r, talk), n(r, hold)}));
    Field<BigDecimal> wrap = DSL.sum(WrapUps.SECONDS).as("wrap");
    Map<String, Double> wrapUps = new HashMap<>();
    // The wrap-ups first, each finding its call by the primary key: see WrapUps.
    dsl.select(CDR.AGENT_ID, wrap)
        .from(WrapUps.table(dsl, from, to, true))
        .leftJoin(CDR)
        .on(CDR.CALL_ID.eq(WrapUps.CALL_ID))
        .and(CDR.AGENT_ID.eq(WrapUps.AGENT_ID))
        .where(handledCalls)
        .groupBy(CDR.AGENT_ID)
        .forEach(r -> wrapUps.put(r.get(CDR.AGENT_ID), d(r, wrap)));
    Instant now = clock.instant();
    Map<String, Map<String, Double>> states = StateTimes.of(dsl, from, now.isBefore(to) ? now : to);

    TreeMap<String, AgentFigures> agents = new TreeMap<>();
    for (String id : union(calls.keySet(), states.keySet())) {
      long[] c = calls.getOrDefault(id, new long[3]);
      double wrapUp = wrapUps.getOrDefault(id, 0.0);
      Map<String, Double> time = states.getOrDefault(id, Map.of());
      double working =
          time.getOrDefault("available", 0.0)
              + time.getOrDefault("reserved", 0.0)
              + time.getOrDefault("on_call", 0.0)
              + time.getOrDefault("wrap_up", 0.0);
      double busy = time.getOrDefault("on_call", 0.0) + time.getOrDefault("wrap_up", 0.0);
      agents.put(
          id,
          new AgentFigures(
              id,
              c[0],
              c[1] - c[2],
              c[2],
              wrapUp,
              c[0] == 0 ? null : (c[1] + wrapUp) / c[0],
              time,
              working == 0 ? null : busy / working));
    }
    return List.copyOf(agents.values());
  }

  /**
   * The calls behind a figure: those that arrived in {@code [from, to)} whose {@code by} value is
   * {@code value} (null: those without one), oldest first, one page.
   *
   * @param by the grouping to select on, or null for all calls
   * @param callbacks true for the callback attempts, false for the inbound calls
   * @param page the page, from 1
   * @param pageSize calls per page, 1 to {@link #MAX_PAGE_SIZE}
   * @throws IllegalArgumentException when the range is empty or the page out of bounds
   */
  public CallPage calls(
      Instant from,
      Instant to,
      GroupBy by,
      String value,
      boolean callbacks,
      int page,
      int pageSize) {
    checkRange(from, to);
    if (page < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "page from 1 and page size from 1 to "
              + MAX_PAGE_SIZE
              + " expected, got "
              + page
              + " and "
              + pageSize);
    }
    Condition where = CallScope.arrivedIn(from, to).and(callbacks ? CALLBACK_ATTEMPT : INBOUND);
    if (by != null) {
      Field<String> field = CallScope.field(by);
      where = where.and(value == null ? field.isNull() : field.eq(value));
    }
    long total = dsl.fetchCount(dsl.selectOne().from(CallScope.cdrWithLevel()).where(where));
    List<CallRow> rows =
        dsl.select(CDR.fields())
            .select(CUSTOMER.LEVEL)
            .from(CallScope.cdrWithLevel())
            .where(where)
            .orderBy(CDR.ARRIVED_AT, CDR.CALL_ID)
            .limit(pageSize)
            .offset((long) (page - 1) * pageSize)
            .fetch(ReportRepository::callRow);
    return new CallPage(page, pageSize, total, rows);
  }

  /**
   * The queues' own service-level thresholds in milliseconds ({@code acd_queue}: a handful of
   * rows).
   */
  private Map<String, Long> thresholds() {
    return dsl.select(ACD_QUEUE.NAME, ACD_QUEUE.SERVICE_LEVEL_MS)
        .from(ACD_QUEUE)
        .fetchMap(ACD_QUEUE.NAME, ACD_QUEUE.SERVICE_LEVEL_MS);
  }

  /**
   * The threshold of a CDR's queue, in milliseconds: the queues' own written into the query as a
   * {@code CASE}, so that no CDR needs a join to find it; the default for the other queues.
   */
  private Field<Long> thresholdMs(Map<String, Long> own) {
    CaseConditionStep<Long> threshold = null;
    for (Map.Entry<String, Long> q : new TreeMap<>(own).entrySet()) {
      Condition isQueue = CDR.QUEUE.eq(DSL.inline(q.getKey()));
      threshold =
          threshold == null
              ? DSL.when(isQueue, DSL.inline(q.getValue()))
              : threshold.when(isQueue, DSL.inline(q.getValue()));
    }
    return threshold == null
        ? DSL.inline(defaultServiceLevelMs)
        : threshold.otherwise(DSL.inline(defaultServiceLevelMs));
  }

  private static CallRow callRow(Record r) {
    return new CallRow(
        r.get(CDR.CALL_ID),
        r.get(CDR.CALLER),
        r.get(CDR.DIALED),
        r.get(CDR.IVR_CHOICE),
        r.get(CDR.QUEUE),
        r.get(CDR.AGENT_ID),
        instant(r.get(CDR.ARRIVED_AT)),
        instant(r.get(CDR.ANSWERED_AT)),
        instant(r.get(CDR.ENDED_AT)),
        r.get(CDR.WAIT_SECONDS),
        r.get(CDR.TALK_SECONDS),
        r.get(CDR.HOLD_SECONDS),
        r.get(CDR.OUTCOME),
        r.get(CDR.HANGUP_CAUSE),
        r.get(CDR.REGION),
        r.get(CUSTOMER.LEVEL));
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }

  private static void checkRange(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException(
          "the range's end " + to + " must be after its start " + from);
    }
  }

  private static long n(Record r, Field<BigDecimal> f) {
    return Optional.ofNullable(r.get(f)).map(BigDecimal::longValue).orElse(0L);
  }

  private static double d(Record r, Field<BigDecimal> f) {
    return Optional.ofNullable(r.get(f)).map(BigDecimal::doubleValue).orElse(0.0);
  }

  private static List<String> union(Set<String> a, Set<String> b) {
    TreeSet<String> all = new TreeSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  /** One queue's sums as the database returned them (or several queues' added up). */
  private record Sums(
      String queue,
      long calls,
      long answered,
      long abandoned,
      long shortAbandons,
      long inThreshold,
      long waitAnswered,
      long talk,
      long hold,
      double wrap,
      Long longestWait,
      long waitAbandoned,
      long callbacks,
      long callbacksAnswered,
      Long thresholdMs) {
    static final Sums ZERO = new Sums(null, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, null);

    /**
     * The sums of one class of calls: {@code n} calls of one queue, kind, outcome and wait class.
     */
    static Sums of(
        String queue,
        boolean callback,
        String outcome,
        boolean quick,
        boolean inTime,
        long n,
        long wait,
        long talk,
        long hold,
        Long longest) {
      if (callback) {
        return new Sums(
            queue,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            null,
            0,
            n,
            ANSWERED_CODE.equals(outcome) ? n : 0,
            null);
      }
      boolean answered = ANSWERED_CODE.equals(outcome);
      boolean abandoned = ABANDONED_CODE.equals(outcome);
      return new Sums(
          queue,
          n,
          answered ? n : 0,
          abandoned && !quick ? n : 0,
          abandoned && quick ? n : 0,
          answered && inTime ? n : 0,
          answered ? wait : 0,
          answered ? talk : 0,
          answered ? hold : 0,
          0,
          longest,
          abandoned && !quick ? wait : 0,
          0,
          0,
          null);
    }

    /** These sums for {@code queue}, with its wrap-up and threshold. */
    Sums with(String queue, double wrap, Long thresholdMs) {
      return new Sums(
          queue,
          calls,
          answered,
          abandoned,
          shortAbandons,
          inThreshold,
          waitAnswered,
          talk,
          hold,
          wrap,
          longestWait,
          waitAbandoned,
          callbacks,
          callbacksAnswered,
          thresholdMs);
    }

    /** These sums and {@code o}'s, of the same queue or of all ({@code queue} is this one's). */
    Sums plus(Sums o) {
      Long longest =
          longestWait == null
              ? o.longestWait
              : o.longestWait == null ? longestWait : Math.max(longestWait, o.longestWait);
      return new Sums(
          queue,
          calls + o.calls,
          answered + o.answered,
          abandoned + o.abandoned,
          shortAbandons + o.shortAbandons,
          inThreshold + o.inThreshold,
          waitAnswered + o.waitAnswered,
          talk + o.talk,
          hold + o.hold,
          wrap + o.wrap,
          longest,
          waitAbandoned + o.waitAbandoned,
          callbacks + o.callbacks,
          callbacksAnswered + o.callbacksAnswered,
          null);
    }

    QueueSummary summary(Long thresholdSeconds) {
      long offered = calls - shortAbandons;
      return new QueueSummary(
          queue,
          thresholdSeconds,
          offered,
          answered,
          abandoned,
          shortAbandons,
          inThreshold,
          ratio(answered, offered),
          ratio(inThreshold, answered),
          ratio(inThreshold, answered + abandoned),
          ratio(waitAnswered, answered),
          answered == 0 ? null : (talk + wrap) / answered,
          talk - hold,
          hold,
          wrap,
          longestWait,
          ratio(waitAbandoned, abandoned),
          callbacks,
          callbacksAnswered);
    }

    private static Double ratio(double part, long whole) {
      return whole == 0 ? null : part / whole;
    }
  }
}
