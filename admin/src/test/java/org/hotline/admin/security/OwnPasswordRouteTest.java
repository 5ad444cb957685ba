package org.hotline.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.hotline.admin.cti.Session;
import org.hotline.admin.cti.TokenService;
import org.hotline.admin.http.BadRequestException;
import org.hotline.admin.http.Principal;
import org.hotline.admin.http.Request;
import org.hotline.admin.http.Response;
import org.hotline.config.DataSettings;
import org.hotline.core.agent.Agent;
import org.hotline.core.agent.AgentRepository;
import org.hotline.core.db.Database;
import org.hotline.core.time.ManualClock;
import org.hotline.core.user.PasswordHash;
import org.hotline.core.user.Role;
import org.hotline.core.user.UserRepository;
import org.hotline.cti.bridge.CtiUsers;
import org.hotline.cti.login.CtiLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent changes their desk password, a user their password: checked, throttled, sessions ended.
 */
class OwnPasswordRouteTest {
  static final String REALM = "hotline";
  static final String ADDRESS = "192.0.2.7";

  final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T08:00:00Z"));
  final TokenService tokens = new TokenService(clock, Duration.ofHours(12));
  final PasswordHash hasher = new PasswordHash(1_000);

  @TempDir Path dir;
  Database db;
  AgentRepository agents;
  UserRepository users;
  Logins logins;
  OwnPasswordRoute route;

  @BeforeEach
  void start() {
    db =
        new Database(
            new DataSettings(dir, "jdbc:h2:file:" + dir.resolve("hotline"), "hotline", "", 2));
    agents = new AgentRepository(db.dsl(), clock);
    agents.upsert(new Agent("1001", "Li Lei", "1001", Set.of("sales")), REALM, "sip-secret");
    agents.setDeskPasswordHash("1001", hasher.hash("desk-pw-old"));
    users = new UserRepository(db.dsl(), clock);
    users.create("lin", Role.SUPERVISOR, hasher.hash("supervisor-pw-1"));
    logins =
        new Logins(
            users,
            new CtiLogins(agents, hasher, Map.of()),
            hasher,
            new LoginThrottle(clock, 5, Duration.ofMinutes(15)),
            clock,
            new SimpleMeterRegistry());
    route = new OwnPasswordRoute(agents, users, hasher, logins, tokens, false);
  }

  @AfterEach
  void stop() {
    db.close();
  }

  static Request put(String name, Role role, String json) {
    return new Request(
            HttpMethod.PUT,
            OwnPasswordRoute.PATH,
            Map.of(),
            new DefaultHttpHeaders(),
            json.getBytes(StandardCharsets.UTF_8),
            new InetSocketAddress(ADDRESS, 50000))
        .as(new Principal(name, role));
  }

  static String change(String current, String password) {
    return "{\"current\": \"" + current + "\", \"password\": \"" + password + "\"}";
  }

  void assertWrongCurrent(Request request) {
    BadRequestException wrong =
        org.junit.jupiter.api.Assertions.assertThrows(
            BadRequestException.class, () -> route.change(request));
    assertEquals("current", wrong.parameter());
  }

  @Test
  void anAgent_changesTheirDeskPassword_theNewOneLogsIn_theOldNot_andTheirSessionsEnd() {
    Session session = tokens.issue(new CtiUsers.User("1001", Role.AGENT));

    Response answer = route.change(put("1001", Role.AGENT, change("desk-pw-old", "desk-pw-new")));

    assertEquals(204, answer.status().code());
    assertTrue(
        answer.headers().get("set-cookie").contains("Max-Age=0"),
        answer.headers().get("set-cookie"));
    assertTrue(tokens.find(session.token()).isEmpty(), "the session ended");
    assertTrue(logins.login("1001", "desk-pw-new", ADDRESS).ok());
    assertFalse(logins.login("1001", "desk-pw-old", ADDRESS).ok());
    assertTrue(agents.hasPassword("1001", REALM, "sip-secret"), "the SIP password is not touched");
  }

  @Test
  void theSipPassword_isNotTheCurrentPassword() {
    assertWrongCurrent(put("1001", Role.AGENT, change("sip-secret", "desk-pw-new")));
  }

  @Test
  void aWrongCurrentPassword_isRefused_andCountedLikeAWrongLogin() {
    Session session = tokens.issue(new CtiUsers.User("1001", Role.AGENT));

    assertWrongCurrent(put("1001", Role.AGENT, change("guess-1", "desk-pw-new")));
    assertWrongCurrent(put("1001", Role.AGENT, change("guess-2", "desk-pw-new")));
    Response slowed = route.change(put("1001", Role.AGENT, change("desk-pw-old", "desk-pw-new")));

    assertEquals(429, slowed.status().code(), "the third try waits, right or not");
    assertNotNull(slowed.headers().get("Retry-After"));
    assertTrue(tokens.find(session.token()).isPresent(), "nothing changed");
    assertTrue(
        logins.login("1001", "desk-pw-old", "198.51.100.1").ok(),
        "the password is the old one still");
  }

  @Test
  void aNewPassword_tooShort_orTheCurrentOne_isABadRequest() {
    BadRequestException shortOne =
        org.junit.jupiter.api.Assertions.assertThrows(
            BadRequestException.class,
            () -> route.change(put("1001", Role.AGENT, change("desk-pw-old", "short"))));
    assertEquals("password", shortOne.parameter());
    org.junit.jupiter.api.Assertions.assertThrows(
        BadRequestException.class,
        () -> route.change(put("1001", Role.AGENT, change("desk-pw-old", "desk-pw-old"))));
  }

  @Test
  void aUser_changesTheirPassword_ofAtLeast12Characters() {
    org.junit.jupiter.api.Assertions.assertThrows(
        BadRequestException.class,
        () -> route.change(put("lin", Role.SUPERVISOR, change("supervisor-pw-1", "eleven-char"))));

    assertEquals(
        204,
        route
            .change(put("lin", Role.SUPERVISOR, change("supervisor-pw-1", "supervisor-pw-2")))
            .status()
            .code());

    assertTrue(logins.login("lin", "supervisor-pw-2", ADDRESS).ok());
  }

  @Test
  void anAgentCannotUseAnotherUsersPasswordAsTheirCurrentOne() {
    // A session of agent "1001" showing the supervisor's password changes nothing: the check is of
    // the session's own name.
    assertWrongCurrent(put("1001", Role.AGENT, change("supervisor-pw-1", "desk-pw-new")));
  }
}
