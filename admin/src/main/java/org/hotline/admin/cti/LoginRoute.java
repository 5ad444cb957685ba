package org.hotline.admin.cti;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hotline.admin.http.BadRequestException;
import org.hotline.admin.http.Json;
import org.hotline.admin.http.Request;
import org.hotline.admin.http.Response;
import org.hotline.admin.http.Router;
import org.hotline.cti.bridge.CtiUsers;
import org.hotline.cti.bridge.CtiUsers.Role;
import org.hotline.cti.bridge.CtiUsers.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging in and out of the agent desktop and the CTI connection.
 *
 * <ul>
 *   <li>{@code POST /api/login} with {@code {"user", "password"}}: 200 {@code {"token", "role",
 *       "agentId", "expiresAt", "breakReasons"}} ({@code role} {@code agent} or {@code
 *       integration}; {@code agentId} for agents only; {@code breakReasons} the reasons {@code
 *       set-state} takes for a break, for the desktop's list) and the token in the {@link
 *       SessionCookie}; 401 {@code
 *       {"error": "wrong user or password"}} for any failure, never saying which; 400 when the
 *       body is not a JSON object
 *   <li>{@code POST /api/logout}: ends the session of the cookie or of {@code Authorization:
 *       Bearer <token>}, clears the cookie, 204; a CTI connection of that session is closed
 * </ul>
 *
 * <p>Meter {@code hotline.cti.logins} counts logins by {@code result} ({@code ok}, {@code
 * failed}); each failure is logged with the address it came from, for whoever watches for
 * password guessing.
 */
public final class LoginRoute {
  private static final Logger log = LoggerFactory.getLogger(LoginRoute.class);

  /** The answer to every failed login, whatever the reason. */
  static final String WRONG = "wrong user or password";

  private static final String BEARER = "Bearer ";

  private final TokenService tokens;
  private final CtiUsers users;
  private final List<String> breakReasons;
  private final Counter ok;
  private final Counter failed;

  /** A login route that lists no break reasons (a server whose desktops do not offer breaks). */
  public LoginRoute(TokenService tokens, CtiUsers users, MeterRegistry meters) {
    this(tokens, users, List.of(), meters);
  }

  /**
   * @param tokens where sessions are issued and ended
   * @param users who may log in; may block (it reads the agents)
   * @param breakReasons the configured break reasons ({@code AcdPolicy.breakReasons()}), in the
   *     order the desktop lists them
   * @param meters where login counts go
   */
  public LoginRoute(TokenService tokens, CtiUsers users, List<String> breakReasons, MeterRegistry meters) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.users = Objects.requireNonNull(users, "users");
    this.breakReasons = List.copyOf(breakReasons);
    this.ok = logins(meters, "ok");
    this.failed = logins(meters, "failed");
  }

  /** Adds {@code POST /api/login} and {@code POST /api/logout} to {@code router}. */
  public Router addTo(Router router) {
    return router.post("/api/login", this::login).post("/api/logout", this::logout);
  }

  Response login(Request request) {
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(request.body());
    } catch (IOException e) {
      body = null;
    }
    if (body == null || !body.isObject()) {
      throw new BadRequestException(null, "the body is a JSON object: {\"user\": ..., \"password\": ...}");
    }
    String name = text(body, "user");
    String password = text(body, "password");
    Optional<User> user = name.isEmpty() || password.isEmpty() ? Optional.empty() : users.authenticate(name, password);
    if (user.isEmpty()) {
      failed.increment();
      log.warn("CTI login failed for user '{}' from {}", printable(name), request.remote());
      return Response.error(HttpResponseStatus.UNAUTHORIZED, WRONG);
    }
    ok.increment();
    Session session = tokens.issue(user.get());
    log.info("{} logged in from {}", session, request.remote());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("token", session.token());
    answer.put("role", session.isAgent() ? "agent" : "integration");
    if (session.isAgent()) {
      answer.put("agentId", session.user().name());
    }
    answer.put("expiresAt", session.expiresAt());
    answer.put("breakReasons", breakReasons);
    return Response.json(HttpResponseStatus.OK, answer).withHeader(HttpHeaderNames.SET_COOKIE.toString(), SessionCookie.set(session.token()));
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
        .withHeader(HttpHeaderNames.SET_COOKIE.toString(), SessionCookie.clear());
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value != null && value.isTextual() ? value.asText() : "";
  }

  /** {@code name} safe for one log line: no control characters, at most 64 characters. */
  private static String printable(String name) {
    String clean = name.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 64 ? clean.substring(0, 64) + "..." : clean;
  }

  private static Counter logins(MeterRegistry meters, String result) {
    return Counter.builder("hotline.cti.logins")
        .description("Logins to the desktop and CTI, by result")
        .tag("result", result)
        .register(Objects.requireNonNull(meters, "meters"));
  }
}
