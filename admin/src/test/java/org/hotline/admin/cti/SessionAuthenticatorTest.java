package org.hotline.admin.cti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.hotline.admin.http.Request;
import org.hotline.admin.http.UnauthenticatedException;
import org.hotline.core.time.ManualClock;
import org.hotline.cti.bridge.CtiUsers.Role;
import org.hotline.cti.bridge.CtiUsers.User;
import org.junit.jupiter.api.Test;

class SessionAuthenticatorTest {
  final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T08:00:00Z"));
  final TokenService tokens = new TokenService(clock, Duration.ofHours(1));
  final SessionAuthenticator users = new SessionAuthenticator(tokens);
  final String agent = tokens.issue(new User("1001", Role.AGENT)).token();

  static Request post(String... headers) {
    HttpHeaders h = new DefaultHttpHeaders().set("Host", "desk.example:8080");
    for (int i = 0; i < headers.length; i += 2) {
      h.add(headers[i], headers[i + 1]);
    }
    return new Request(HttpMethod.POST, "/api/tickets", Map.of(), h, new byte[0], null);
  }

  int refused(Request request) {
    return assertThrows(UnauthenticatedException.class, () -> users.user(request)).status().code();
  }

  @Test
  void theCookie_isTakenFromThisServersPages_andFromNoPage() {
    assertEquals("1001", users.user(post("Cookie", "hotline_session=" + agent)));
    assertEquals("1001", users.user(post("Cookie", "hotline_session=" + agent, "Origin", "http://desk.example:8080")));
    assertEquals("1001", users.user(post("Cookie", "hotline_session=" + agent, "Origin", "https://DESK.example:8080",
        "Sec-Fetch-Site", "same-origin")));
  }

  @Test
  void theCookie_fromAnotherSitesPage_isRefused403() {
    assertEquals(403, refused(post("Cookie", "hotline_session=" + agent, "Origin", "http://desk.example:9090")));
    assertEquals(403, refused(post("Cookie", "hotline_session=" + agent, "Origin", "http://evil.example")));
    assertEquals(403, refused(post("Cookie", "hotline_session=" + agent, "Origin", "not a uri")));
    assertEquals(403, refused(post("Cookie", "hotline_session=" + agent, "Sec-Fetch-Site", "same-site")));
  }

  @Test
  void aBearerToken_needsNoOriginCheck_andWinsOverTheCookie() {
    String crm = tokens.issue(new User("crm", Role.INTEGRATION)).token();

    assertEquals("crm", users.user(post("Authorization", "bearer " + crm, "Origin", "http://evil.example")));
    assertEquals("crm", users.user(post("Authorization", "Bearer " + crm, "Cookie", "hotline_session=" + agent)));
  }

  @Test
  void noSession_anUnknownOne_aLoggedOutOne_orAnExpiredOne_is401() {
    assertEquals(401, refused(post()));
    assertEquals(401, refused(post("Authorization", "Bearer ")));
    assertEquals(401, refused(post("Authorization", "Basic MTAwMTpwdw==")));
    assertEquals(401, refused(post("Cookie", "hotline_session=forged")));
    String other = tokens.issue(new User("1002", Role.AGENT)).token();
    tokens.end(other);
    assertEquals(401, refused(post("Authorization", "Bearer " + other)));

    clock.advance(Duration.ofHours(1));
    UnauthenticatedException expired = assertThrows(UnauthenticatedException.class, () -> users.user(post("Cookie", "hotline_session=" + agent)));
    assertEquals(401, expired.status().code());
    assertEquals(SessionAuthenticator.EXPIRED, expired.getMessage());
  }
}
