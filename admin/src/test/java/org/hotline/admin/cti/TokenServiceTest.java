package org.hotline.admin.cti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotline.core.time.ManualClock;
import org.hotline.core.user.Role;
import org.hotline.cti.bridge.CtiUsers.User;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
  final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T08:00:00Z"));
  final TokenService tokens = new TokenService(clock, Duration.ofHours(12));
  final User agent = new User("1001", Role.AGENT);

  @Test
  void issue_givesA256BitUrlSafeToken_differentEachTime_validForTheLifetime() {
    Session first = tokens.issue(agent);
    Session second = tokens.issue(agent);

    assertTrue(first.token().matches("[A-Za-z0-9_-]{43}"), first.token());
    assertNotEquals(first.token(), second.token());
    assertEquals(Instant.parse("2026-03-01T20:00:00Z"), first.expiresAt());
    assertEquals(first, tokens.find(first.token()).orElseThrow());
    assertFalse(tokens.isExpired(first));
  }

  @Test
  void token_expiresWhenItsLifetimeIsOver_andIsStillKnownAsExpired() {
    Session session = tokens.issue(agent);

    clock.advance(Duration.ofHours(12).minusSeconds(1));
    assertFalse(tokens.isExpired(session));

    clock.advance(Duration.ofSeconds(1));
    assertTrue(tokens.isExpired(tokens.find(session.token()).orElseThrow()));
  }

  @Test
  void expiredToken_isForgottenOneLifetimeLater() {
    Session old = tokens.issue(agent);

    clock.advance(Duration.ofHours(24).plusSeconds(1));
    tokens.issue(agent);

    assertTrue(tokens.find(old.token()).isEmpty());
  }

  @Test
  void end_forgetsTheToken() {
    Session session = tokens.issue(agent);

    tokens.end(session.token());

    assertTrue(tokens.find(session.token()).isEmpty());
  }

  @Test
  void endAllOf_endsEverySessionOfThatUserOnly_andTellsTheListeners() {
    Session desk = tokens.issue(agent);
    Session api = tokens.issue(agent);
    Session other = tokens.issue(new User("1002", Role.AGENT));
    List<Session> ended = new ArrayList<>();
    tokens.onEnd(ended::add);

    assertEquals(2, tokens.endAllOf("1001"));

    assertTrue(tokens.find(desk.token()).isEmpty());
    assertTrue(tokens.find(api.token()).isEmpty());
    assertEquals(other, tokens.find(other.token()).orElseThrow());
    assertEquals(Set.of(desk, api), Set.copyOf(ended));
  }

  @Test
  void end_tellsTheListenersOnce() {
    Session session = tokens.issue(agent);
    List<Session> ended = new ArrayList<>();
    tokens.onEnd(ended::add);

    tokens.end(session.token());
    tokens.end(session.token());

    assertEquals(List.of(session), ended);
  }

  @Test
  void find_ofAnUnknownOrMissingToken_isEmpty() {
    assertTrue(tokens.find("nope").isEmpty());
    assertTrue(tokens.find(null).isEmpty());
  }

  @Test
  void aLifetimeOfZero_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> new TokenService(clock, Duration.ZERO));
  }

  @Test
  void session_toString_neverShowsTheToken() {
    Session session = tokens.issue(agent);

    assertFalse(session.toString().contains(session.token()));
  }
}
