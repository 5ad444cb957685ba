package org.hotline.admin.cti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.admin.http.BadRequestException;
import org.hotline.admin.http.Json;
import org.hotline.admin.http.Request;
import org.hotline.admin.http.Response;
import org.hotline.core.time.ManualClock;
import org.junit.jupiter.api.Test;

class LoginRouteTest {
  final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T08:00:00Z"));
  final TokenService tokens = new TokenService(clock, Duration.ofHours(12));
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final LoginRoute route = new LoginRoute(tokens, new FakeCti(), List.of("lunch", "meeting"), meters);

  @Test
  void agentLogin_answersTokenRoleAgentIdAndExpiry_andSetsTheSessionCookie() throws Exception {
    Response response = route.login(post("{\"user\": \"1001\", \"password\": \"pw\"}", new DefaultHttpHeaders()));

    assertEquals(200, response.status().code());
    JsonNode body = Json.MAPPER.readTree(response.body());
    String token = body.get("token").asText();
    assertEquals("agent", body.get("role").asText());
    assertEquals("1001", body.get("agentId").asText());
    assertEquals("2026-03-01T20:00:00Z", body.get("expiresAt").asText());
    assertEquals("[\"lunch\",\"meeting\"]", body.get("breakReasons").toString());
    assertEquals("hotline_session=" + token + "; HttpOnly; SameSite=Strict; Path=/", response.headers().get("set-cookie"));
    assertTrue(tokens.find(token).isPresent());
    assertEquals(1.0, meters.get("hotline.cti.logins").tag("result", "ok").counter().count());
  }

  @Test
  void integrationLogin_hasNoAgentId() throws Exception {
    JsonNode body = Json.MAPPER.readTree(route.login(post("{\"user\": \"crm\", \"password\": \"crm-pw\"}", new DefaultHttpHeaders())).body());

    assertEquals("integration", body.get("role").asText());
    assertFalse(body.has("agentId"));
  }

  @Test
  void failedLogins_answer401WithOneMessage_whateverWentWrong_andAreCounted() throws Exception {
    String[] bodies = {
      "{\"user\": \"1001\", \"password\": \"wrong\"}", "{\"user\": \"9999\", \"password\": \"pw\"}", "{\"user\": \"1001\"}", "{}"
    };
    for (String body : bodies) {
      Response response = route.login(post(body, new DefaultHttpHeaders()));

      assertEquals(401, response.status().code(), body);
      assertEquals(Map.of("error", "wrong user or password"), Json.MAPPER.readValue(response.body(), Map.class));
      assertFalse(response.headers().containsKey("Set-Cookie"));
    }
    assertEquals(4.0, meters.get("hotline.cti.logins").tag("result", "failed").counter().count());
  }

  @Test
  void loginWithABodyThatIsNotAJsonObject_isABadRequest() {
    assertThrows(BadRequestException.class, () -> route.login(post("user=1001&password=pw", new DefaultHttpHeaders())));
    assertThrows(BadRequestException.class, () -> route.login(post("", new DefaultHttpHeaders())));
  }

  @Test
  void logout_endsTheSessionOfTheCookie_andClearsIt() {
    Session session = tokens.issue(new FakeCti().authenticate("1001", "pw").orElseThrow());

    Response response = route.logout(post("", new DefaultHttpHeaders().add("Cookie", "theme=dark; hotline_session=" + session.token())));

    assertEquals(204, response.status().code());
    assertTrue(response.headers().get("set-cookie").contains("Max-Age=0"));
    assertTrue(tokens.find(session.token()).isEmpty());
  }

  @Test
  void logout_endsTheSessionOfABearerToken() {
    Session session = tokens.issue(new FakeCti().authenticate("crm", "crm-pw").orElseThrow());

    route.logout(post("", new DefaultHttpHeaders().add("Authorization", "Bearer " + session.token())));

    assertTrue(tokens.find(session.token()).isEmpty());
  }

  static Request post(String body, HttpHeaders headers) {
    return new Request(
        HttpMethod.POST, "/api/login", Map.of(), headers, body.getBytes(StandardCharsets.UTF_8), new InetSocketAddress("192.0.2.7", 40000));
  }
}
