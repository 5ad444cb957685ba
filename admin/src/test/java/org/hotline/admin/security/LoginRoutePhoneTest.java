package org.hotline.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.admin.cti.TokenService;
import org.hotline.admin.http.Json;
import org.hotline.admin.http.Request;
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

/** An agent's login answer says what their softphone registers with; nobody else's does. */
class LoginRoutePhoneTest {
  final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T08:00:00Z"));
  final TokenService tokens = new TokenService(clock, Duration.ofHours(12));
  final PasswordHash hasher = new PasswordHash(1_000);

  @TempDir Path dir;
  Database db;
  LoginRoute route;

  @BeforeEach
  void start() {
    db =
        new Database(
            new DataSettings(dir, "jdbc:h2:file:" + dir.resolve("hotline"), "hotline", "", 2));
    UserRepository users = new UserRepository(db.dsl(), clock);
    users.create("lin", Role.SUPERVISOR, hasher.hash("supervisor-pw"));
    CtiUsers agents =
        (name, password) ->
            name.equals("a7") && password.equals("desk-pw")
                ? Optional.of(new CtiUsers.User("a7", Role.AGENT))
                : Optional.empty();
    Logins logins =
        new Logins(
            users,
            agents,
            hasher,
            new LoginThrottle(clock, 5, Duration.ofMinutes(15)),
            clock,
            new SimpleMeterRegistry());
    PhoneAccounts phones =
        new PhoneAccounts(id -> id.equals("a7") ? Optional.of("2007") : Optional.empty(), "", 5070);
    route = new LoginRoute(tokens, logins, false, List.of(), phones);
  }

  @AfterEach
  void stop() {
    db.close();
  }

  com.fasterxml.jackson.databind.JsonNode login(String user, String password) throws Exception {
    byte[] body =
        ("{\"user\": \"" + user + "\", \"password\": \"" + password + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    var answer =
        route.login(
            new Request(
                HttpMethod.POST, "/api/login", Map.of(), new DefaultHttpHeaders(), body, null));
    assertEquals(200, answer.status().code());
    return Json.MAPPER.readTree(answer.body());
  }

  @Test
  void anAgentLearnsTheirSipUserAndTheServersPort_notTheirAgentId() throws Exception {
    var phone = login("a7", "desk-pw").get("phone");

    assertEquals("2007", phone.get("user").asText());
    assertEquals(5070, phone.get("port").asInt());
    assertTrue(phone.path("host").isMissingNode(), "no advertised host: the page's host is used");
  }

  @Test
  void aSupervisorHasNoPhoneInTheAnswer() throws Exception {
    assertTrue(login("lin", "supervisor-pw").path("phone").isMissingNode());
  }
}
