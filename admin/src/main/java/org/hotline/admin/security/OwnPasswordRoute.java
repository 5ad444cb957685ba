package org.hotline.admin.security;

import static org.hotline.core.user.Role.ADMIN;
import static org.hotline.core.user.Role.AGENT;
import static org.hotline.core.user.Role.SUPERVISOR;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import java.util.Objects;
import org.hotline.admin.cti.SessionCookie;
import org.hotline.admin.cti.TokenService;
import org.hotline.admin.http.Access;
import org.hotline.admin.http.AgentsRoute;
import org.hotline.admin.http.BadRequestException;
import org.hotline.admin.http.Principal;
import org.hotline.admin.http.Request;
import org.hotline.admin.http.Response;
import org.hotline.admin.http.Router;
import org.hotline.core.agent.AgentRepository;
import org.hotline.core.user.PasswordHash;
import org.hotline.core.user.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A logged-in agent, supervisor or administrator changes their own password: {@code PUT
 * /api/me/password} with {@code {"current": "...", "password": "..."}}. For an agent it is the desk
 * password (at least {@link AgentsRoute#MIN_DESK_PASSWORD} characters), never the SIP password; for
 * a user their password (at least {@link UsersRoute#MIN_PASSWORD}).
 *
 * <ul>
 *   <li>204: changed. Every session of the user ends, this one too (the cookie is cleared, a {@code
 *       /cti} connection closes with 4401), and remembered Basic logins are forgotten: the client
 *       logs in again with the new password
 *   <li>400 naming {@code current}: the current password is wrong
 *   <li>400 naming {@code password}: a new password too short or long, or the same as the current
 *       one; 400 too when the body is no JSON object
 *   <li>429 with {@code Retry-After}: too many wrong passwords of this name or address
 * </ul>
 *
 * <p>The current password is checked as a login is ({@link Logins#login}), so each wrong one counts
 * toward the {@link LoginThrottle}'s waits and lockout like a wrong login: a stolen session cannot
 * guess the password without limit. The change is audited by the router, by field names only; a
 * wrong current password is logged by {@link Logins}.
 */
public final class OwnPasswordRoute {
  /** The route's path. */
  public static final String PATH = "/api/me/password";

  static final String WRONG_CURRENT = "the current password is wrong";

  private static final Logger log = LoggerFactory.getLogger(OwnPasswordRoute.class);

  private final AgentRepository agents;
  private final UserRepository users;
  private final PasswordHash hasher;
  private final Logins logins;
  private final TokenService tokens;
  private final boolean secureCookies;

  /**
   * @param logins what checks the current password, throttled like a login
   * @param tokens whose sessions of the user end with the change
   * @param secureCookies whether the cleared cookie is marked {@code Secure}
   */
  public OwnPasswordRoute(
      AgentRepository agents,
      UserRepository users,
      PasswordHash hasher,
      Logins logins,
      TokenService tokens,
      boolean secureCookies) {
    this.agents = Objects.requireNonNull(agents, "agents");
    this.users = Objects.requireNonNull(users, "users");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.logins = Objects.requireNonNull(logins, "logins");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.secureCookies = secureCookies;
  }

  /**
   * Adds {@code PUT /api/me/password} to {@code router}, for agents, supervisors and
   * administrators.
   */
  public Router addTo(Router router) {
    // Integrations are configured: their passwords change in the configuration, not here.
    return router.route(HttpMethod.PUT, PATH, Access.roles(AGENT, SUPERVISOR, ADMIN), this::change);
  }

  Response change(Request request) {
    Principal who = request.principal();
    JsonNode body = request.jsonObject("{\"current\": \"...\", \"password\": \"...\"}");
    String current = text(body, "current");
    String password = text(body, "password");
    int min = who.isAgent() ? AgentsRoute.MIN_DESK_PASSWORD : UsersRoute.MIN_PASSWORD;
    if (password.length() < min || password.length() > Logins.MAX_INPUT) {
      throw new BadRequestException(
          "password", "a new password of " + min + " to " + Logins.MAX_INPUT + " characters");
    }
    if (password.equals(current)) {
      throw new BadRequestException(
          "password", "the new password is the current one: choose another");
    }
    Logins.Result checked = logins.login(who.name(), current, request.remoteHost());
    if (checked.retryAfter() != null) {
      return Response.error(HttpResponseStatus.TOO_MANY_REQUESTS, RequestGate.TOO_MANY)
          .withHeader("Retry-After", Long.toString(checked.retryAfterSeconds()));
    }
    if (!checked.ok()
        || !checked.user().name().equals(who.name())
        || checked.user().role() != who.role()) {
      // 400, not 401 or 403: the session is good and may use the route; the body is wrong.
      throw new BadRequestException("current", WRONG_CURRENT);
    }
    boolean stored =
        who.isAgent()
            ? agents.setDeskPasswordHash(who.name(), hasher.hash(password))
            : users.setPassword(who.name(), hasher.hash(password));
    if (!stored) {
      return Response.error(
          HttpResponseStatus.NOT_FOUND, "no " + who.role().id() + " " + who.name());
    }
    int ended = tokens.endAllOf(who.name());
    logins.forget();
    log.info(
        "{} '{}' changed their {} from {}; {} sessions ended",
        who.role().id(),
        who.name(),
        who.isAgent() ? "desk password" : "password",
        request.remoteHost(),
        ended);
    return new Response(HttpResponseStatus.NO_CONTENT, Response.TEXT, new byte[0], Map.of())
        .withHeader(HttpHeaderNames.SET_COOKIE.toString(), SessionCookie.clear(secureCookies));
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value != null && value.isTextual() ? value.asText() : "";
  }
}
