package org.hotline.admin.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.hotline.core.csv.CsvWriter;
import org.hotline.core.report.AgentFigures;
import org.hotline.core.report.CallPage;
import org.hotline.core.report.CallRow;
import org.hotline.core.report.GroupBy;
import org.hotline.core.report.Interval;
import org.hotline.core.report.QueueSummary;
import org.hotline.core.report.ReportRepository;
import org.hotline.core.report.Summary;
import org.hotline.core.report.VolumeRow;
import org.hotline.core.user.Role;

/**
 * The supervisor reports, as JSON or ({@code format=csv}) as CSV:
 *
 * <ul>
 *   <li>{@code GET /api/reports/volume?from=&to=&interval=hour|day|week|month&by=} calls per time
 *       bucket, optionally split by {@code queue}, {@code agent}, {@code region}, {@code level},
 *       {@code outcome} or {@code ivr}
 *   <li>{@code GET /api/reports/summary?from=&to=&queue=} the queue summary
 *   <li>{@code GET /api/reports/agents?from=&to=} the agents' figures
 *   <li>{@code GET /api/reports/calls?from=&to=&by=&value=&kind=inbound|callback&page=&size=} the
 *       calls behind a figure; without {@code value}, those with none for {@code by}
 * </ul>
 *
 * <p>{@code from} and {@code to} are ISO-8601 instants or dates ({@code 2026-11-01}, midnight in
 * the report zone); the range is {@code [from, to)}. Without either it is today in the report zone.
 * The figures are defined in {@code docs/metrics.md}, "Reports".
 */
public final class ReportsRoute {
  /** Who may read the reports: supervisors and administrators (docs/security.md). */
  static final Access ACCESS = Access.roles(Role.SUPERVISOR, Role.ADMIN);

  /** Where the reports are. */
  public static final String PATH = "/api/reports";

  /** Drill-down calls per page unless {@code size} says. */
  static final int DEFAULT_PAGE_SIZE = 100;

  private final ReportRepository reports;
  private final Clock clock;

  /**
   * @param clock tells "today" when a request names no range
   */
  public ReportsRoute(ReportRepository reports, Clock clock) {
    this.reports = Objects.requireNonNull(reports, "reports");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Registers the four report routes on {@code router}. */
  public Router addTo(Router router) {
    return router
        .get(PATH + "/volume", ACCESS, this::volume)
        .get(PATH + "/summary", ACCESS, this::summary)
        .get(PATH + "/agents", ACCESS, this::agents)
        .get(PATH + "/calls", ACCESS, this::calls);
  }

  private Response volume(Request request) {
    Range range = range(request);
    boolean csv = csv(request);
    Interval interval =
        request
            .param("interval")
            .map(v -> parse("interval", () -> Interval.fromCode(v)))
            .orElse(Interval.DAY);
    GroupBy by = groupBy(request);
    List<VolumeRow> rows = parse("to", () -> reports.volume(range.from, range.to, interval, by));
    if (csv) {
      CsvWriter out =
          CsvWriter.of("start", "end", by == null ? "group" : by.code(), "calls", "callbacks");
      rows.forEach(r -> out.row(r.start(), r.end(), r.group(), r.calls(), r.callbacks()));
      return csv(out, "volume");
    }
    Map<String, Object> body = header(range);
    body.put("interval", interval.code());
    body.put("by", by == null ? null : by.code());
    body.put("rows", rows);
    return Response.json(HttpResponseStatus.OK, body);
  }

  private Response summary(Request request) {
    Range range = range(request);
    boolean csv = csv(request);
    Summary summary = reports.summary(range.from, range.to, request.param("queue").orElse(null));
    if (csv) {
      CsvWriter out =
          CsvWriter.of(
              "queue",
              "threshold_seconds",
              "offered",
              "answered",
              "abandoned",
              "short_abandons",
              "answered_in_threshold",
              "answer_rate",
              "service_level",
              "service_level_with_abandons",
              "average_speed_of_answer",
              "average_handle_time",
              "talk_seconds",
              "hold_seconds",
              "wrap_up_seconds",
              "longest_wait",
              "average_abandon_wait",
              "callback_attempts",
              "callbacks_answered");
      summary.queues().forEach(q -> out.row(summaryRow(q, q.queue())));
      out.row(summaryRow(summary.overall(), "(all)"));
      return csv(out, "summary");
    }
    Map<String, Object> body = header(range);
    body.put("calls", summary.calls());
    body.put("callsWithoutQueue", summary.callsWithoutQueue());
    body.put("queues", summary.queues());
    body.put("overall", summary.overall());
    return Response.json(HttpResponseStatus.OK, body);
  }

  private Response agents(Request request) {
    Range range = range(request);
    boolean csv = csv(request);
    List<AgentFigures> agents = reports.agents(range.from, range.to);
    if (csv) {
      List<String> states =
          List.of("available", "reserved", "on_call", "wrap_up", "break", "logged_out");
      CsvWriter out =
          CsvWriter.of(
              "agent_id",
              "calls_handled",
              "talk_seconds",
              "hold_seconds",
              "wrap_up_seconds",
              "average_handle_time",
              "available_seconds",
              "reserved_seconds",
              "on_call_seconds",
              "wrap_up_state_seconds",
              "break_seconds",
              "logged_out_seconds",
              "occupancy");
      for (AgentFigures a : agents) {
        List<Object> row =
            new ArrayList<>(
                List.of(
                    a.agentId(),
                    a.callsHandled(),
                    a.talkSeconds(),
                    a.holdSeconds(),
                    a.wrapUpSeconds()));
        row.add(a.averageHandleTime());
        states.forEach(s -> row.add(a.stateSeconds().getOrDefault(s, 0.0)));
        row.add(a.occupancy());
        out.row(row);
      }
      return csv(out, "agents");
    }
    Map<String, Object> body = header(range);
    body.put("agents", agents);
    return Response.json(HttpResponseStatus.OK, body);
  }

  private Response calls(Request request) {
    Range range = range(request);
    boolean csv = csv(request);
    GroupBy by = groupBy(request);
    String value = request.param("value").orElse(null);
    if (value != null && by == null) {
      throw new BadRequestException(
          "value", "needs by (queue, agent, region, level, outcome or ivr)");
    }
    String kind = request.param("kind").orElse("inbound");
    if (!kind.equals("inbound") && !kind.equals("callback")) {
      throw new BadRequestException(
          "kind", "expected inbound or callback, got '" + BadRequestException.shown(kind) + "'");
    }
    int page = request.intParam("page", 1, 1, Integer.MAX_VALUE);
    int size = request.intParam("size", DEFAULT_PAGE_SIZE, 1, ReportRepository.MAX_PAGE_SIZE);
    CallPage calls =
        reports.calls(range.from, range.to, by, value, kind.equals("callback"), page, size);
    if (csv) {
      CsvWriter out =
          CsvWriter.of(
              "call_id",
              "caller",
              "dialed",
              "ivr_choice",
              "queue",
              "agent_id",
              "arrived_at",
              "answered_at",
              "ended_at",
              "wait_seconds",
              "talk_seconds",
              "hold_seconds",
              "outcome",
              "hangup_cause",
              "region",
              "level");
      for (CallRow c : calls.calls()) {
        out.row(
            c.callId(),
            c.caller(),
            c.dialed(),
            c.ivrChoice(),
            c.queue(),
            c.agentId(),
            c.arrivedAt(),
            c.answeredAt(),
            c.endedAt(),
            c.waitSeconds(),
            c.talkSeconds(),
            c.holdSeconds(),
            c.outcome(),
            c.hangupCause(),
            c.region(),
            c.level());
      }
      return csv(out, "calls").withHeader("X-Total-Count", Long.toString(calls.total()));
    }
    Map<String, Object> body = header(range);
    body.put("page", calls.page());
    body.put("size", calls.pageSize());
    body.put("total", calls.total());
    body.put("calls", calls.calls());
    return Response.json(HttpResponseStatus.OK, body);
  }

  private static Object[] summaryRow(QueueSummary q, String name) {
    return new Object[] {
      name,
      q.serviceLevelThresholdSeconds(),
      q.offered(),
      q.answered(),
      q.abandoned(),
      q.shortAbandons(),
      q.answeredInThreshold(),
      q.answerRate(),
      q.serviceLevel(),
      q.serviceLevelWithAbandons(),
      q.averageSpeedOfAnswer(),
      q.averageHandleTime(),
      q.talkSeconds(),
      q.holdSeconds(),
      q.wrapUpSeconds(),
      q.longestWait(),
      q.averageAbandonWait(),
      q.callbackAttempts(),
      q.callbacksAnswered()
    };
  }

  private Map<String, Object> header(Range range) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", range.from);
    body.put("to", range.to);
    body.put("zone", zone().getId());
    return body;
  }

  private static Response csv(CsvWriter out, String name) {
    return Response.text(HttpResponseStatus.OK, CdrsRoute.CSV, out.toString())
        .withHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
  }

  private static boolean csv(Request request) {
    String format = request.param("format").orElse("json");
    if (!format.equals("json") && !format.equals("csv")) {
      throw new BadRequestException(
          "format", "expected json or csv, got '" + BadRequestException.shown(format) + "'");
    }
    return format.equals("csv");
  }

  private static GroupBy groupBy(Request request) {
    return request.param("by").map(v -> parse("by", () -> GroupBy.fromCode(v))).orElse(null);
  }

  private Range range(Request request) {
    Optional<Instant> from = request.timeParam("from", zone());
    Optional<Instant> to = request.timeParam("to", zone());
    if (from.isEmpty() && to.isEmpty()) {
      LocalDate today = LocalDate.now(clock.withZone(zone()));
      return new Range(
          today.atStartOfDay(zone()).toInstant(),
          today.plusDays(1).atStartOfDay(zone()).toInstant());
    }
    if (from.isEmpty() || to.isEmpty()) {
      throw new BadRequestException(
          from.isEmpty() ? "from" : "to", "give both from and to, or neither for today");
    }
    if (!to.get().isAfter(from.get())) {
      throw new BadRequestException(
          "to", "must be after from (" + from.get() + "), got " + to.get());
    }
    return new Range(from.get(), to.get());
  }

  private ZoneId zone() {
    return reports.zone();
  }

  /**
   * {@code parse}'s result; its IllegalArgumentException is the client's mistake in {@code
   * parameter}.
   */
  private static <T> T parse(String parameter, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(parameter, e.getMessage());
    }
  }

  private record Range(Instant from, Instant to) {}
}
