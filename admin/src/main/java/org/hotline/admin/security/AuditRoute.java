package org.hotline.admin.security;

import static org.hotline.core.user.Role.ADMIN;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.hotline.admin.http.Access;
import org.hotline.admin.http.BadRequestException;
import org.hotline.admin.http.Request;
import org.hotline.admin.http.Response;
import org.hotline.admin.http.Router;
import org.hotline.core.audit.AuditRepository;

/**
 * {@code GET /api/audit?from=&to=&page=&size=}: the audit log, newest first, a page ({@code
 * {"items", "page", "size", "total"}}), for administrators. {@code from} and {@code to} are
 * ISO-8601 instants or dates (the start of that day in the server's zone); either may be left
 * out for no bound.
 */
public final class AuditRoute {
  /** The route's path. */
  public static final String PATH = "/api/audit";

  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 500;

  private final AuditRepository audit;
  private final Clock clock;

  /** @param clock whose zone a date is read in */
  public AuditRoute(AuditRepository audit, Clock clock) {
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Adds the route to {@code router}, for administrators. */
  public Router addTo(Router router) {
    return router.get(PATH, Access.roles(ADMIN), this::list);
  }

  Response list(Request request) {
    Instant from = request.param("from").map(v -> instant("from", v)).orElse(null);
    Instant to = request.param("to").map(v -> instant("to", v)).orElse(null);
    if (from != null && to != null && !to.isAfter(from)) {
      throw new BadRequestException("to", "must be after from (" + from + "), got " + to);
    }
    int page = number(request, "page", 0, 0, 1_000_000);
    int size = number(request, "size", DEFAULT_SIZE, 1, MAX_SIZE);
    return Response.json(HttpResponseStatus.OK, audit.list(from, to, page, size));
  }

  private Instant instant(String parameter, String value) {
    String v = value.replace(' ', '+');
    try {
      return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(clock.getZone()).toInstant() : Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new BadRequestException(parameter, "expected an ISO-8601 instant such as 2026-03-01T00:00:00Z or a date such as 2026-03-01");
    }
  }

  private static int number(Request request, String name, int absent, int min, int max) {
    String value = request.param(name).orElse(null);
    if (value == null) {
      return absent;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequestException(name, "expected a whole number from " + min + " to " + max);
  }
}
