package org.hotline.admin.cti;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.cti.bridge.CtiUsers.User;

/**
 * The session tokens of logged-in users, in memory: each a random 256-bit value (URL-safe
 * base64, no padding) valid for the configured time from login until logout, with a CSRF token
 * of its own made the same way.
 *
 * <p>An expired token is remembered for one more lifetime, so that a client showing it is told
 * its session expired rather than that it never logged in; then it is forgotten. Tokens do not
 * outlive the process: a restart logs everyone out.
 */
public final class TokenService {
  private static final int TOKEN_BYTES = 32;

  private final Clock clock;
  private final Duration ttl;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /**
   * @param clock what tells the time of login and expiry
   * @param ttl how long a token holds ({@code hotline.cti.token-ttl})
   */
  public TokenService(Clock clock, Duration ttl) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a token lifetime is positive: " + ttl);
    }
  }

  /** A new session for {@code user}, valid from now for the token lifetime. */
  public Session issue(User user) {
    Instant now = clock.instant();
    forgetExpiredBefore(now.minus(ttl));
    Session session = new Session(secret(), user, now.plus(ttl), secret());
    sessions.put(session.token(), session);
    return session;
  }

  /** Ends every session of user {@code name} (disabled, deleted or given a new role or password). */
  public void endAllOf(String name) {
    sessions.values().removeIf(s -> s.user().name().equals(name));
  }

  private String secret() {
    byte[] secret = new byte[TOKEN_BYTES];
    random.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /**
   * The session of {@code token}, expired or not ({@link #isExpired}); empty when the token was
   * never issued, was ended, or expired long ago.
   */
  public Optional<Session> find(String token) {
    return token == null ? Optional.empty() : Optional.ofNullable(sessions.get(token));
  }

  /** Whether {@code session} has expired by now. */
  public boolean isExpired(Session session) {
    return !clock.instant().isBefore(session.expiresAt());
  }

  /** Ends the session of {@code token} (logout); nothing when there is none. */
  public void end(String token) {
    if (token != null) {
      sessions.remove(token);
    }
  }

  private void forgetExpiredBefore(Instant cutoff) {
    sessions.values().removeIf(s -> s.expiresAt().isBefore(cutoff));
  }
}
