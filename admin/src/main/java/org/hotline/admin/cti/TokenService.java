package org.hotline.admin.cti;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.hotline.cti.bridge.CtiUsers.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session tokens of logged-in users, in memory: each a random 256-bit value (URL-safe base64,
 * no padding) valid for the configured time from login until logout, with a CSRF token of its own
 * made the same way.
 *
 * <p>An expired token is remembered for one more lifetime, so that a client showing it is told its
 * session expired rather than that it never logged in; then it is forgotten. Tokens do not outlive
 * the process: a restart logs everyone out.
 *
 * <p>A session ended before it expires (a logout; its user disabled, deleted, or given another
 * password or role) is told to the {@link #onEnd listeners}, so that connections it opened (a
 * {@code /cti} socket) close at once rather than at their next check.
 */
public final class TokenService {
  private static final Logger log = LoggerFactory.getLogger(TokenService.class);

  private static final int TOKEN_BYTES = 32;

  private final Clock clock;
  private final Duration ttl;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final List<Consumer<Session>> endListeners = new CopyOnWriteArrayList<>();

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

  /**
   * Ends every session of user {@code name} (an agent's id): disabled, deleted or given a new role
   * or password.
   *
   * @return how many sessions ended
   */
  public int endAllOf(String name) {
    int ended = 0;
    for (Session session : sessions.values()) {
      if (session.user().name().equals(name) && sessions.remove(session.token(), session)) {
        ended(session);
        ended++;
      }
    }
    return ended;
  }

  /**
   * Calls {@code listener} with each session ended from now on by {@link #end} or {@link
   * #endAllOf}, on the thread that ended it; it must return at once.
   */
  public void onEnd(Consumer<Session> listener) {
    endListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  private void ended(Session session) {
    for (Consumer<Session> listener : endListeners) {
      try {
        listener.accept(session);
      } catch (RuntimeException e) {
        log.error("a listener of the end of {} failed", session, e);
      }
    }
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
    Session session = token == null ? null : sessions.remove(token);
    if (session != null) {
      ended(session);
    }
  }

  private void forgetExpiredBefore(Instant cutoff) {
    sessions.values().removeIf(s -> s.expiresAt().isBefore(cutoff));
  }
}
