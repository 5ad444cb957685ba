package org.hotline.core.report;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.hotline.config.DataSettings;
import org.hotline.config.ReportSettings;
import org.hotline.core.db.Database;

/**
 * Times the reports on a month of generated calls in an H2 file database: the daily summary, the
 * volume by day and queue over the month, the agent report of a day and the hourly volume of a day,
 * each cold (the first run after the database is opened) and warm (the median of further runs), in
 * wall-clock time and in CPU time of the querying thread.
 *
 * <p>The data: {@code cdrs} CDRs (default 1,000,000) spread over the 30 days of November 2026 in
 * Shanghai, weekdays busier than weekends and office hours busier than nights; four queues (sales,
 * support, billing, vip, which has its own threshold), 200 agents, 31 regions, about 80% answered,
 * 12% abandoned (a third of them short), 6% ended in the IVR, 1% failed, plus feature codes and
 * callback attempts; 10,000 customers whose numbers call now and then; and for every answered call
 * its agent's reserved, on-call, wrap-up and available changes. The schema is Flyway's, migrations
 * included, so the indexes measured are those shipped.
 *
 * <p>Run with {@code scripts/bench/reports.sh} (it builds, bounds the time and cleans up); by hand:
 * {@code ReportsBenchmark <folder> [cdrs] [warm runs]}.
 */
public final class ReportsBenchmark {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 1);
  static final int DAYS = 30;
  static final String[] QUEUES = {"sales", "support", "billing", "vip"};
  static final double[] QUEUE_SHARE = {0.40, 0.35, 0.15, 0.10};
  static final int AGENTS = 200;
  static final int CUSTOMERS = 10_000;
  static final String[] REGIONS = {
    "上海", "北京", "广州", "深圳", "杭州", "南京", "苏州", "成都", "重庆", "武汉", "西安", "天津", "长沙", "郑州", "青岛", "宁波",
    "厦门", "福州", "合肥", "济南", "沈阳", "大连", "哈尔滨", "长春", "昆明", "贵阳", "南宁", "南昌", "石家庄", "太原", "香港"
  };

  /** Relative call rate per hour of the day. */
  static final double[] HOURLY = {
    0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 4, 7, 8, 8, 6, 6.5, 7.5, 7.5, 7, 6, 4, 3, 2.5, 2, 1, 0.5
  };

  private ReportsBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: ReportsBenchmark <folder> [cdrs] [warm runs]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int cdrs = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int warmRuns = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    DataSettings settings =
        new DataSettings(
            dir, "jdbc:h2:file:" + dir.resolve("reports").toAbsolutePath(), "bench", "", 1);

    long t0 = System.nanoTime();
    long events;
    try (Database db = new Database(settings)) {
      events = generate(db, cdrs);
    }
    System.out.printf(
        "generated %,d CDRs and %,d agent state changes in %.1f s%n",
        cdrs, events, (System.nanoTime() - t0) / 1e9);

    // Monday 16 November: a weekday, about 38,000 calls.
    Instant day = FIRST_DAY.plusDays(15).atStartOfDay(ZONE).toInstant();
    Instant dayEnd = FIRST_DAY.plusDays(16).atStartOfDay(ZONE).toInstant();
    Instant monthStart = FIRST_DAY.atStartOfDay(ZONE).toInstant();
    Instant monthEnd = FIRST_DAY.plusDays(DAYS).atStartOfDay(ZONE).toInstant();
    List<Query> queries =
        List.of(
            new Query(
                "daily summary (all queues)",
                r -> () -> r.summary(day, dayEnd, null).overall().offered()),
            new Query(
                "volume by day and queue (30 days)",
                r -> () -> r.volume(monthStart, monthEnd, Interval.DAY, GroupBy.QUEUE).size()),
            new Query("agent report (one day)", r -> () -> r.agents(day, dayEnd).size()),
            new Query(
                "volume by hour (one day)",
                r -> () -> r.volume(day, dayEnd, Interval.HOUR, null).size()));

    // The machine may be shared: the CPU time of the querying thread (H2 runs the query in it)
    // shows the work apart from the waiting for a core.
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.printf(
        "load average %.1f on %d cores; times in ms, wall clock and (cpu) of the querying thread%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
    System.out.printf(
        "%-36s %16s %16s %10s %10s  %s%n",
        "query", "cold (cpu)", "warm med (cpu)", "warm min", "warm max", "answer");
    for (Query q : queries) {
      // Cold: a freshly opened database (H2's page cache empty; the OS file cache may still hold
      // it).
      try (Database db = new Database(settings)) {
        ReportRepository reports = reports(db);
        long start = System.nanoTime();
        long startCpu = threads.getCurrentThreadCpuTime();
        Object answer = q.run.apply(reports).get();
        double cold = (System.nanoTime() - start) / 1e6;
        double coldCpu = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
        double[] warm = new double[warmRuns];
        double[] warmCpu = new double[warmRuns];
        for (int i = 0; i < warmRuns; i++) {
          long s = System.nanoTime();
          long sCpu = threads.getCurrentThreadCpuTime();
          q.run.apply(reports).get();
          warm[i] = (System.nanoTime() - s) / 1e6;
          warmCpu[i] = (threads.getCurrentThreadCpuTime() - sCpu) / 1e6;
        }
        Arrays.sort(warm);
        Arrays.sort(warmCpu);
        System.out.printf(
            "%-36s %16s %16s %10.0f %10.0f  %s%n",
            q.name,
            String.format("%.0f (%.0f)", cold, coldCpu),
            String.format("%.0f (%.0f)", warm[warmRuns / 2], warmCpu[warmRuns / 2]),
            warm[0],
            warm[warmRuns - 1],
            answer);
      }
    }
  }

  private static ReportRepository reports(Database db) {
    Clock now = Clock.fixed(FIRST_DAY.plusDays(DAYS + 1).atStartOfDay(ZONE).toInstant(), ZONE);
    return new ReportRepository(
        db.dsl(), now, new ReportSettings(ZONE, Duration.ofSeconds(5)), Duration.ofSeconds(20));
  }

  private record Query(
      String name, java.util.function.Function<ReportRepository, Supplier<Object>> run) {}

  /**
   * Writes the month's calls, customers, queue settings and agent state changes; returns the
   * changes written.
   */
  static long generate(Database db, int cdrs) throws SQLException {
    Random random = new Random(20261101);
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement q =
          c.prepareStatement(
              "INSERT INTO acd_queue (name, strategy, wrap_up_ms, weight, max_waiting, max_wait_ms, join_when_no_agents, service_level_ms)"
                  + " VALUES ('vip', 'longest-idle', 15000, 3, 0, 0, TRUE, 10000)")) {
        q.executeUpdate();
      }
      try (PreparedStatement cu =
              c.prepareStatement(
                  "INSERT INTO customer (id, name, level, created_at, updated_at) VALUES (?, ?, ?, ?, ?)");
          PreparedStatement ph =
              c.prepareStatement(
                  "INSERT INTO customer_phone (e164, customer_id, ordinal) VALUES (?, ?, 0)")) {
        String[] levels = {"VIP", "gold", "silver", "normal", "normal", "normal"};
        OffsetDateTime created =
            at(FIRST_DAY.minusYears(1).atStartOfDay(ZONE).toInstant().toEpochMilli());
        for (int i = 1; i <= CUSTOMERS; i++) {
          cu.setLong(1, i);
          cu.setString(2, "Customer " + i);
          cu.setString(3, levels[random.nextInt(levels.length)]);
          cu.setObject(4, created);
          cu.setObject(5, created);
          cu.addBatch();
          ph.setString(1, number(i));
          ph.setLong(2, i);
          ph.addBatch();
        }
        cu.executeBatch();
        ph.executeBatch();
      }
      c.commit();

      double[] dayWeights = new double[DAYS];
      double total = 0;
      for (int d = 0; d < DAYS; d++) {
        int dow = FIRST_DAY.plusDays(d).getDayOfWeek().getValue();
        dayWeights[d] = dow >= 6 ? 0.5 : 1.0;
        total += dayWeights[d];
      }
      double hourTotal = Arrays.stream(HOURLY).sum();
      // Each agent's next free moment, so that one agent's calls do not overlap much.
      long[] agentFree = new long[AGENTS];
      long events = 0;
      try (PreparedStatement cdr =
              c.prepareStatement(
                  "INSERT INTO cdr (call_id, caller, dialed, ivr_choice, queue, agent_id, arrived_at, answered_at, ended_at, wait_seconds,"
                      + " talk_seconds, outcome, hangup_cause, region, carrier, hold_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement ev =
              c.prepareStatement(
                  "INSERT INTO agent_event (agent_id, from_state, to_state, reason, at) VALUES (?, ?, ?, ?, ?)")) {
        int written = 0;
        for (int d = 0; d < DAYS; d++) {
          int callsToday = (int) Math.round(cdrs * dayWeights[d] / total);
          if (d == DAYS - 1) {
            callsToday = cdrs - written;
          }
          long dayStart = FIRST_DAY.plusDays(d).atStartOfDay(ZONE).toInstant().toEpochMilli();
          long[] arrivals = new long[callsToday];
          for (int i = 0; i < callsToday; i++) {
            arrivals[i] =
                dayStart + hourOf(random, hourTotal) * 3_600_000L + random.nextInt(3_600_000);
          }
          Arrays.sort(arrivals);
          for (long arrived : arrivals) {
            String id = "bench-" + written;
            events += call(cdr, ev, random, id, arrived, agentFree);
            written++;
            if (written % 5_000 == 0) {
              cdr.executeBatch();
              ev.executeBatch();
              c.commit();
            }
          }
        }
        cdr.executeBatch();
        ev.executeBatch();
        c.commit();
      }
      return events;
    }
  }

  private static int hourOf(Random random, double hourTotal) {
    double x = random.nextDouble() * hourTotal;
    for (int h = 0; h < 24; h++) {
      x -= HOURLY[h];
      if (x < 0) {
        return h;
      }
    }
    return 23;
  }

  private static String number(int customer) {
    return "+86139" + String.format("%08d", customer);
  }

  /**
   * Adds one call's CDR and, when answered, its agent's changes to the batches; returns the changes
   * added.
   */
  private static int call(
      PreparedStatement cdr,
      PreparedStatement ev,
      Random random,
      String id,
      long arrived,
      long[] agentFree)
      throws SQLException {
    double kind = random.nextDouble();
    String dialed =
        kind < 0.005
            ? "*2" + (1 + random.nextInt(3))
            : kind < 0.015 ? "callback" : "400820" + (1000 + random.nextInt(4));
    double roll = random.nextDouble();
    String outcome =
        roll < 0.80
            ? "answered"
            : roll < 0.92
                ? "abandoned"
                : roll < 0.98 ? "ivr-hangup" : roll < 0.99 ? "failed" : "answered";
    boolean feature = dialed.startsWith("*");
    String queue = feature || outcome.equals("ivr-hangup") ? null : queue(random);
    String caller =
        random.nextDouble() < 0.3
            ? number(1 + random.nextInt(CUSTOMERS))
            : "+86138" + String.format("%08d", random.nextInt(100_000_000));
    long ivr = 5 + random.nextInt(40);
    long wait =
        switch (outcome) {
          case "answered" -> (long) Math.min(600, -15 * Math.log(1 - random.nextDouble()));
          case "abandoned" ->
              random.nextDouble() < 0.33
                  ? random.nextInt(5)
                  : 5 + (long) (-40 * Math.log(1 - random.nextDouble()));
          default -> 0;
        };
    long talk =
        outcome.equals("answered") ? 20 + (long) (-200 * Math.log(1 - random.nextDouble())) : 0;
    long hold = talk > 60 && random.nextDouble() < 0.2 ? random.nextInt((int) (talk / 3)) : 0;
    int agent = -1;
    if (outcome.equals("answered") && queue != null) {
      agent = random.nextInt(AGENTS);
    }
    String agentId = agent < 0 ? null : Integer.toString(1001 + agent);
    if (agent >= 0 && random.nextDouble() < 0.01) {
      agentId = "tel:+86105555" + random.nextInt(10_000);
    }
    long connect = arrived + (ivr + wait) * 1000;
    long ended = connect + talk * 1000;
    cdr.setString(1, id);
    cdr.setString(2, caller);
    cdr.setString(3, dialed);
    cdr.setString(4, feature ? null : Integer.toString(1 + random.nextInt(4)));
    cdr.setString(5, queue);
    cdr.setString(6, agentId);
    cdr.setObject(7, at(arrived));
    cdr.setObject(8, feature ? null : at(arrived + 1000));
    cdr.setObject(9, at(ended + (outcome.equals("answered") ? 0 : ivr * 1000)));
    cdr.setLong(10, wait);
    cdr.setLong(11, talk);
    cdr.setString(12, outcome);
    cdr.setString(13, "caller-bye");
    cdr.setString(
        14,
        caller.startsWith("+86139")
            ? REGIONS[Math.floorMod(caller.hashCode(), REGIONS.length)]
            : REGIONS[random.nextInt(REGIONS.length)]);
    cdr.setString(15, random.nextBoolean() ? "中国移动" : "中国联通");
    cdr.setLong(16, hold);
    cdr.addBatch();
    if (agent < 0 || agentId.startsWith("tel:")) {
      return 0;
    }
    String a = Integer.toString(1001 + agent);
    long reserved = Math.max(connect - 3000, agentFree[agent]);
    long wrapUp = random.nextDouble() < 0.7 ? 5_000 + random.nextInt(25_000) : 0;
    event(ev, a, "AVAILABLE", "RESERVED", id, reserved);
    event(ev, a, "RESERVED", "ON_CALL", id, Math.max(connect, reserved + 1));
    long end = Math.max(ended, reserved + 2);
    if (wrapUp > 0) {
      event(ev, a, "ON_CALL", "WRAP_UP", "call-ended", end);
      event(ev, a, "WRAP_UP", "AVAILABLE", "wrap-up-done", end + wrapUp);
      agentFree[agent] = end + wrapUp + 1;
      return 4;
    }
    event(ev, a, "ON_CALL", "AVAILABLE", "call-ended", end);
    agentFree[agent] = end + 1;
    return 3;
  }

  private static String queue(Random random) {
    double x = random.nextDouble();
    for (int i = 0; i < QUEUES.length; i++) {
      x -= QUEUE_SHARE[i];
      if (x < 0) {
        return QUEUES[i];
      }
    }
    return QUEUES[0];
  }

  private static void event(
      PreparedStatement ev, String agent, String from, String to, String reason, long at)
      throws SQLException {
    ev.setString(1, agent);
    ev.setString(2, from);
    ev.setString(3, to);
    ev.setString(4, reason);
    ev.setObject(5, at(at));
    ev.addBatch();
  }

  private static OffsetDateTime at(long epochMilli) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMilli), ZoneOffset.UTC);
  }
}
