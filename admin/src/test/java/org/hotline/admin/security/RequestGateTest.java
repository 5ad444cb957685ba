package org.hotline.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.admin.cti.Session;
import org.hotline.admin.cti.TokenService;
import org.hotline.admin.http.Principal;
import org.hotline.admin.http.Request;
import org.hotline.admin.http.Response;
import org.hotline.admin.http.UnauthenticatedException;
import org.hotline.config.DataSettings;
import org.hotline.core.db.Database;
import org.hotline.core.time.ManualClock;
import org.hotline.core.user.PasswordHash;
import org.hotline.core.user.Role;
import org.hotline.core.user.UserRepository;
import org.hotline.cti.bridge.CtiUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's credentials (Bearer, Basic, cookie with CSRF) and the login route's answers. */
class RequestGateTest {
  final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T08:00:00Z"));
  final TokenService tokens = new TokenService(clock, Duration.ofHours(12));
  final PasswordHash hasher = new PasswordHash(1_000);

  @TempDir Path dir;
  Database db;
  Logins logins;
  RequestGate gate;

  @BeforeEach
  void start() {
    db =
        new Database(
            new DataSettings(dir, "jdbc:h2:file:" + dir.resolve("hotline"), "hotline", "", 2));
    UserRepository users = new UserRepository(db.dsl(), clock);
    users.create("lin", Role.SUPERVISOR, hasher.hash("supervisor-pw"));
    CtiUsers none = (name, password) -> Optional.empty();
    logins =
        new Logins(
            users,
            none,
            hasher,
            new LoginThrottle(clock, 5, Duration.ofMinutes(15)),
            clock,
            new SimpleMeterRegistry());
    gate = new RequestGate(tokens, logins);
  }

  @AfterEach
  void stop() {
    db.close();
  }

  static Request request(HttpMethod method, String... headers) {
    HttpHeaders h = new DefaultHttpHeaders().set("Host", "hotline.example:8080");
    for (int i = 0; i < headers.length; i += 2) {
      h.add(headers[i], headers[i + 1]);
    }
    return new Request(
        method, "/api/x", Map.of(), h, new byte[0], new InetSocketAddress("192.0.2.7", 50000));
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  int refusal(Request request) {
    return assertThrows(UnauthenticatedException.class, () -> gate.authenticate(request))
        .status()
        .code();
  }

  @Test
  void bearerAndBasic_tellTheUser_andNeedNoCsrfToken_aSessionsUserCarriesItsToken() {
    Session session = tokens.issue(new CtiUsers.User("1001", Role.AGENT));

    assertEquals(
        new Principal("1001", Role.AGENT, session.token()),
        gate.authenticate(request(HttpMethod.POST, "Authorization", "Bearer " + session.token())));
    assertEquals(
        new Principal("lin", Role.SUPERVISOR),
        gate.authenticate(
            request(
                HttpMethod.DELETE,
                "Authorization",
                basic("lin", "supervisor-pw"),
                "Origin",
                "https://elsewhere.example")));
  }

  @Test
  void noOrBadCredentials_are401_anExpiredSessionSaysSo() {
    Session session = tokens.issue(new CtiUsers.User("1001", Role.AGENT));

    assertEquals(401, refusal(request(HttpMethod.GET)));
    assertEquals(401, refusal(request(HttpMethod.GET, "Authorization", "Bearer forged")));
    assertEquals(401, refusal(request(HttpMethod.GET, "Authorization", "Basic !!!")));
    assertEquals(
        401,
        refusal(
            request(
                HttpMethod.GET,
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes()))));
    assertEquals(401, refusal(request(HttpMethod.GET, "Authorization", basic("lin", "wrong"))));
    clock.advance(Duration.ofHours(12));
    UnauthenticatedException expired =
        assertThrows(
            UnauthenticatedException.class,
            () ->
                gate.authenticate(
                    request(HttpMethod.GET, "Authorization", "Bearer " + session.token())));
    assertEquals(RequestGate.EXPIRED, expired.getMessage());
    assertTrue(expired.expired(), "a client may tell it from 'log in first'");
  }

  @Test
  void aWebSocketUpgrade_takesTheTokenInTheQuery_andTheCookieFromThisSiteOnly() {
    Session session = tokens.issue(new CtiUsers.User("1001", Role.AGENT));
    String cookie = "hotline_session=" + session.token();
    Map<String, List<String>> token = Map.of("token", List.of(session.token()));

    assertEquals(
        new Principal("1001", Role.AGENT, session.token()), gate.authenticate(upgrade(token)));
    assertEquals(
        401,
        refusal(
            new Request(
                HttpMethod.GET,
                "/api/x",
                token,
                request(HttpMethod.GET).headers(),
                new byte[0],
                null)),
        "the query carries no token but a handshake's");
    assertEquals(
        "1001",
        gate.authenticate(
                upgrade(Map.of(), "Cookie", cookie, "Origin", "http://hotline.example:8080"))
            .name());
    assertEquals("1001", gate.authenticate(upgrade(Map.of(), "Cookie", cookie)).name());
    UnauthenticatedException hijack =
        assertThrows(
            UnauthenticatedException.class,
            () ->
                gate.authenticate(
                    upgrade(Map.of(), "Cookie", cookie, "Origin", "https://evil.example")));
    assertEquals(
        401, hijack.status().code(), "another site's page gets no session from the cookie");
    assertEquals(401, refusal(upgrade(Map.of(), "Cookie", cookie, "Sec-Fetch-Site", "cross-site")));
  }

  static Request upgrade(Map<String, List<String>> query, String... headers) {
    Request plain = request(HttpMethod.GET, headers);
    plain.headers().set("Connection", "keep-alive, Upgrade").set("Upgrade", "websocket");
    return new Request(HttpMethod.GET, "/cti", query, plain.headers(), new byte[0], plain.remote());
  }

  @Test
  void basicGuessing_isRefusedWith429AndRetryAfter() {
    refusal(request(HttpMethod.GET, "Authorization", basic("lin", "wrong-1")));
    refusal(request(HttpMethod.GET, "Authorization", basic("lin", "wrong-2")));

    UnauthenticatedException slowed =
        assertThrows(
            UnauthenticatedException.class,
            () ->
                gate.authenticate(
                    request(HttpMethod.GET, "Authorization", basic("lin", "supervisor-pw"))));

    assertEquals(429, slowed.status().code());
    assertEquals("1", slowed.response().headers().get("Retry-After"));
    clock.advance(Duration.ofSeconds(1));
    assertEquals(
        "lin",
        gate.authenticate(request(HttpMethod.GET, "Authorization", basic("lin", "supervisor-pw")))
            .name());
  }

  @Test
  void theCookie_readsFreely_butWritesNeedTheCsrfTokenAndThisOrigin() {
    Session session = tokens.issue(new CtiUsers.User("1001", Role.AGENT));
    String cookie = "hotline_session=" + session.token();

    assertEquals("1001", gate.authenticate(request(HttpMethod.GET, "Cookie", cookie)).name());
    for (HttpMethod write :
        new HttpMethod[] {HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH}) {
      assertEquals(403, refusal(request(write, "Cookie", cookie)), write + " without the token");
      assertEquals(
          403,
          refusal(request(write, "Cookie", cookie, "X-CSRF-Token", session.token())),
          write + " with another secret");
      assertEquals(
          403,
          refusal(
              request(
                  write,
                  "Cookie",
                  cookie,
                  "X-CSRF-Token",
                  session.csrfToken(),
                  "Origin",
                  "https://evil.example")));
      assertEquals(
          403,
          refusal(
              request(
                  write,
                  "Cookie",
                  cookie,
                  "X-CSRF-Token",
                  session.csrfToken(),
                  "Sec-Fetch-Site",
                  "same-site")));
      assertEquals(
          "1001",
          gate.authenticate(
                  request(
                      write,
                      "Cookie",
                      cookie,
                      "X-CSRF-Token",
                      session.csrfToken(),
                      "Origin",
                      "http://hotline.example:8080",
                      "Sec-Fetch-Site",
                      "same-origin"))
              .name());
    }
  }

  @Test
  void login_answersRoleAndCsrfToken_setsAStrictCookie_SecureWhenConfigured_andSaysWhenToRetry()
      throws Exception {
    LoginRoute plain = new LoginRoute(tokens, logins, false, List.of("lunch", "meeting"));
    LoginRoute secure = new LoginRoute(tokens, logins, true);
    byte[] body =
        "{\"user\": \"lin\", \"password\": \"supervisor-pw\"}".getBytes(StandardCharsets.UTF_8);
    Request login =
        new Request(HttpMethod.POST, "/api/login", Map.of(), new DefaultHttpHeaders(), body, null);

    Response ok = plain.login(login);
    var json = org.hotline.admin.http.Json.MAPPER.readTree(ok.body());
    assertEquals(200, ok.status().code());
    assertEquals("supervisor", json.get("role").asText());
    assertTrue(json.get("csrfToken").asText().length() >= 43);
    assertTrue(json.path("agentId").isMissingNode());
    assertEquals(
        "[\"lunch\",\"meeting\"]", json.get("breakReasons").toString(), "the desktop's break list");
    assertEquals(
        tokens.find(json.get("token").asText()).orElseThrow().csrfToken(),
        json.get("csrfToken").asText());
    assertEquals(
        java.util.Set.of(
            "hotline_session=" + json.get("token").asText(),
            "httponly",
            "samesite=strict",
            "path=/"),
        cookieParts(ok.headers().get("set-cookie")));
    assertTrue(cookieParts(secure.login(login).headers().get("set-cookie")).contains("secure"));

    byte[] wrong = "{\"user\": \"lin\", \"password\": \"nope\"}".getBytes(StandardCharsets.UTF_8);
    Request bad =
        new Request(HttpMethod.POST, "/api/login", Map.of(), new DefaultHttpHeaders(), wrong, null);
    assertEquals(401, plain.login(bad).status().code());
    assertEquals(401, plain.login(bad).status().code());
    Response slowed = plain.login(login);
    assertEquals(429, slowed.status().code());
    assertEquals("1", slowed.headers().get("Retry-After"));
  }

  /**
   * A Set-Cookie value's name=value and attributes, attribute names in lower case (RFC 6265 matches
   * them so).
   */
  private static java.util.Set<String> cookieParts(String setCookie) {
    return java.util.Arrays.stream(setCookie.split(";"))
        .map(String::strip)
        .map(p -> p.startsWith("hotline_session=") ? p : p.toLowerCase(java.util.Locale.ROOT))
        .collect(java.util.stream.Collectors.toSet());
  }
}
