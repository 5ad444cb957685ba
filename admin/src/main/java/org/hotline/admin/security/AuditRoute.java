package org.hotline.admin.security;

import static org.hotline.core.user.Role.ADMIN;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Clock;
import java.time.Instant;
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
 * ISO-8601 instants or dates (the start of that day in the server's zone); either may be left out
 * for no bound.
 */
public final class AuditRoute {
  /** The route's path. */
  public static final String PATH = "/api/audit";

  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 500;

  private final AuditRepository audit;
  private final Clock clock;

  /**
   * @param clock whose zone a date is read in
   */
  public AuditRoute(AuditRepository audit, Clock clock) {
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Adds the route to {@code router}, for administrators. */
  public Router addTo(Router router) {
    return router.get(PATH, Access.roles(ADMIN), this::list);
  }

  Response list(Request request) {
    Instant from = request.timeParam("from", clock.getZone()).orElse(null);
    Instant to = request.timeParam("to", clock.getZone()).orElse(null);
    if (from != null && to != null && !to.isAfter(from)) {
      throw new BadRequestException("to", "must be after from (" + from + "), got " + to);
    }
    int page = request.intParam("page", 0, 0, 1_000_000);
    int size = request.intParam("size", DEFAULT_SIZE, 1, MAX_SIZE);
    return Response.json(HttpResponseStatus.OK, audit.list(from, to, page, size));
  }
}
