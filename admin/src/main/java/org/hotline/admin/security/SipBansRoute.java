package org.hotline.admin.security;

import static org.hotline.core.user.Role.ADMIN;
import static org.hotline.core.user.Role.SUPERVISOR;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.hotline.admin.http.Access;
import org.hotline.admin.http.BadRequestException;
import org.hotline.admin.http.Request;
import org.hotline.admin.http.Response;
import org.hotline.admin.http.Router;
import org.hotline.sip.guard.SipGuard;

/**
 * The SIP bans, seen and lifted: {@code GET /api/security/bans} lists the source addresses whose
 * SIP packets are dropped (supervisors and administrators), {@code DELETE
 * /api/security/bans/{address}} lifts one (administrators; the router audits it).
 */
public final class SipBansRoute {
  static final String PATH = "/api/security/bans";

  private final SipGuard guard;

  public SipBansRoute(SipGuard guard) {
    this.guard = Objects.requireNonNull(guard, "guard");
  }

  /** Adds the routes to {@code router}. */
  public Router addTo(Router router) {
    return router
        .get(PATH, Access.roles(SUPERVISOR, ADMIN), this::list)
        .route(HttpMethod.DELETE, PATH + "/*", Access.roles(ADMIN), this::lift);
  }

  Response list(Request request) {
    return Response.json(
        HttpResponseStatus.OK,
        Map.of(
            "bans", guard.bans(),
            "trusted", guard.settings().trusted().stream().map(Object::toString).toList()));
  }

  Response lift(Request request) {
    String address =
        URLDecoder.decode(request.path().substring(PATH.length() + 1), StandardCharsets.UTF_8);
    try {
      if (!guard.lift(address)) {
        return Response.error(
            HttpResponseStatus.NOT_FOUND,
            "'" + BadRequestException.shown(address) + "' is not banned");
      }
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          "address",
          "an IP address such as 192.0.2.7, got '" + BadRequestException.shown(address) + "'");
    }
    return Response.json(HttpResponseStatus.OK, Map.of("lifted", address));
  }
}
