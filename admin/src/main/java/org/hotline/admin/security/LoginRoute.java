package org.hotline.admin.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hotline.admin.cti.Session;
import org.hotline.admin.cti.SessionCookie;
import org.hotline.admin.cti.TokenService;
import org.hotline.admin.http.Access;
import org.hotline.admin.http.Request;
import org.hotline.admin.http.Response;
import org.hotline.admin.http.Router;
import org.hotline.core.user.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging in and out, for every role: the agent desktop, the supervisors' and administrators'
 * pages, API clients and the CTI connection.
 *
 * <ul>
 *   <li>{@code POST /api/login} with {@code {"user", "password"}}: 200 {@code {"token", "role",
 *       "agentId", "phone", "expiresAt", "csrfToken", "breakReasons"}} ({@code agentId} and {@code
 *       phone}, what their softphone registers with ({@link PhoneAccounts}), for agents only;
 *       {@code breakReasons} the reasons {@code set-state} takes for a break, for the desktop's
 *       list) and the token in the {@link SessionCookie}; 401 {@code {"error": "wrong user or
 *       password"}} for any wrong name, password or disabled user, never saying which; 429 with
 *       {@code Retry-After} while the name or address is slowed down or locked out ({@link
 *       LoginThrottle}); 400 when the body is not a JSON object
 *   <li>{@code POST /api/logout}: ends the session of the cookie or of {@code Authorization: Bearer
 *       <token>}, clears the cookie, 204; a CTI connection of that session is closed
 * </ul>
 *
 * <p>Both are open routes. Meter {@code hotline.security.logins} ({@link Logins}) counts them.
 */
public final class LoginRoute {
  private static final Logger log = LoggerFactory.getLogger(LoginRoute.class);

  private static final String BEARER = "Bearer ";

  private final TokenService tokens;
  private final Logins logins;
  private final boolean secureCookies;
  private final List<String> breakReasons;
  private final PhoneAccounts phones;

  /** A login route that lists no break reasons (a server whose desktops do not offer breaks). */
  public LoginRoute(TokenService tokens, Logins logins, boolean secureCookies) {
    this(tokens, logins, secureCookies, List.of());
  }

  /** A login route that gives agents no phone settings. */
  public LoginRoute(
      TokenService tokens, Logins logins, boolean secureCookies, List<String> breakReasons) {
    this(tokens, logins, secureCookies, breakReasons, PhoneAccounts.NONE);
  }

  /**
   * @param tokens where sessions are issued and ended
   * @param logins what checks names and passwords
   * @param secureCookies whether the cookie is marked {@code Secure} ({@code
   *     hotline.http.secure-cookies})
   * @param breakReasons the configured break reasons ({@code AcdPolicy.breakReasons()}), in the
   *     order the desktop lists them
   * @param phones what an agent's softphone registers with, for the desktop's hint
   */
  public LoginRoute(
      TokenService tokens,
      Logins logins,
      boolean secureCookies,
      List<String> breakReasons,
      PhoneAccounts phones) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.logins = Objects.requireNonNull(logins, "logins");
    this.secureCookies = secureCookies;
    this.breakReasons = List.copyOf(breakReasons);
    this.phones = Objects.requireNonNull(phones, "phones");
  }

  /** Adds {@code POST /api/login} and {@code POST /api/logout} to {@code router}, both open. */
  public Router addTo(Router router) {
    return router
        .post("/api/login", Access.open(), this::login)
        .post("/api/logout", Access.open(), this::logout);
  }

  Response login(Request request) {
    JsonNode body = request.jsonObject("{\"user\": \"1001\", \"password\": \"...\"}");
    Logins.Result result =
        logins.login(text(body, "user"), text(body, "password"), request.remoteHost());
    if (result.retryAfter() != null) {
      return Response.error(HttpResponseStatus.TOO_MANY_REQUESTS, RequestGate.TOO_MANY)
          .withHeader("Retry-After", Long.toString(result.retryAfterSeconds()));
    }
    if (!result.ok()) {
      return Response.error(HttpResponseStatus.UNAUTHORIZED, RequestGate.WRONG);
    }
    Session session = tokens.issue(result.user());
    log.info("{} logged in from {}", session, request.remoteHost());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("token", session.token());
    answer.put("role", session.user().role().id());
    if (session.user().role() == Role.AGENT) {
      answer.put("agentId", session.user().name());
      phones.of(session.user().name()).ifPresent(phone -> answer.put("phone", phone));
    }
    answer.put("expiresAt", session.expiresAt());
    answer.put("csrfToken", session.csrfToken());
    answer.put("breakReasons", breakReasons);
    return Response.json(HttpResponseStatus.OK, answer)
        .withHeader(
            HttpHeaderNames.SET_COOKIE.toString(),
            SessionCookie.set(session.token(), secureCookies));
  }

  Response logout(Request request) {
    String token = SessionCookie.token(request.headers());
    String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      token = authorization.substring(BEARER.length()).strip();
    }
    tokens.find(token).ifPresent(session -> log.info("{} logged out", session));
    tokens.end(token);
    return new Response(HttpResponseStatus.NO_CONTENT, Response.TEXT, new byte[0], Map.of())
        .withHeader(HttpHeaderNames.SET_COOKIE.toString(), SessionCookie.clear(secureCookies));
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value != null && value.isTextual() ? value.asText() : "";
  }
}
