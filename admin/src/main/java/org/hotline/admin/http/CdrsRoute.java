package org.hotline.admin.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hotline.core.cdr.Cdr;
import org.hotline.core.cdr.CdrRepository;

/**
 * {@code GET /api/cdrs?from=&to=&format=}: the CDRs of calls that arrived in {@code [from, to)},
 * oldest first, as a JSON array or ({@code format=csv}) as CSV.
 *
 * <p>{@code from} and {@code to} are ISO-8601 instants ({@code 2026-03-01T00:00:00Z}, or with an
 * offset) or dates ({@code 2026-03-01}, the start of that day in the server's zone). Without
 * either, the range is today in the server's zone; with one, it spans a day from or to it. A range
 * is at most {@link #MAX_RANGE} (31 days); a longer one is answered 400.
 *
 * <p>An agent gets the calls they answered only (the query reads no other); every other role gets
 * every call.
 */
public final class CdrsRoute implements RouteHandler {
  /** The longest range one request reads: a month of CDRs is as much as one answer should hold. */
  static final Duration MAX_RANGE = Duration.ofDays(31);

  /** The content type of the CSV answer. */
  public static final String CSV = "text/csv; charset=utf-8";

  private final CdrRepository cdrs;
  private final Clock clock;

  /**
   * @param clock tells "today" and, by its zone, the server's zone
   */
  public CdrsRoute(CdrRepository cdrs, Clock clock) {
    this.cdrs = Objects.requireNonNull(cdrs, "cdrs");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Response handle(Request request) {
    Optional<Instant> from = request.timeParam("from", zone());
    Optional<Instant> to = request.timeParam("to", zone());
    String format = request.param("format").orElse("json");
    if (!format.equals("json") && !format.equals("csv")) {
      throw new BadRequestException(
          "format", "expected json or csv, got '" + BadRequestException.shown(format) + "'");
    }
    Instant start;
    Instant end;
    if (from.isEmpty() && to.isEmpty()) {
      LocalDate today = LocalDate.now(clock);
      start = today.atStartOfDay(zone()).toInstant();
      end = today.plusDays(1).atStartOfDay(zone()).toInstant();
    } else {
      start = from.orElseGet(() -> to.get().minus(Duration.ofDays(1)));
      end = to.orElseGet(() -> start.plus(Duration.ofDays(1)));
    }
    if (!end.isAfter(start)) {
      throw new BadRequestException("to", "must be after from (" + start + "), got " + end);
    }
    if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
      throw new BadRequestException(
          "to",
          "a range is at most "
              + MAX_RANGE.toDays()
              + " days (from "
              + start
              + " to "
              + start.plus(MAX_RANGE)
              + "); ask for a longer time in several ranges, or use /api/reports");
    }
    Principal user = request.principal();
    // An agent sees their own calls only, whatever they ask for.
    List<Cdr> list = cdrs.between(start, end, user != null && user.isAgent() ? user.name() : null);
    if (format.equals("csv")) {
      return Response.text(HttpResponseStatus.OK, CSV, CdrCsv.format(list))
          .withHeader("Content-Disposition", "attachment; filename=\"cdrs.csv\"");
    }
    return Response.json(HttpResponseStatus.OK, list);
  }

  private ZoneId zone() {
    return clock.getZone();
  }
}
