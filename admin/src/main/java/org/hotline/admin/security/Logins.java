package org.hotline.admin.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hotline.core.user.PasswordHash;
import org.hotline.core.user.User;
import org.hotline.core.user.UserRepository;
import org.hotline.cti.bridge.CtiUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a name and password for every role: administrators and supervisors against their stored
 * {@link PasswordHash}, agents (agent id and desk password, never the SIP password) and
 * integrations (configured) through {@link CtiUsers}; with the {@link LoginThrottle} in front.
 *
 * <p>A name that is no user's costs a password hash too, paid by the {@link CtiUsers} check (which
 * hashes once for every name, an agent's or not), so timing does not tell which names are users. A
 * disabled user and a wrong password are both "wrong"; only a name or address being slowed down or
 * locked out is told, with how long to wait. A lockout stored in the database (from before a
 * restart) is kept to, except from the places the user logged in from since.
 *
 * <p>HTTP Basic credentials that were right are remembered for {@link #BASIC_TTL} (keyed by a keyed
 * hash of name and password, never the password), so a script's every request does not cost a
 * password hash; {@link #forget()} drops them when users or agents change.
 *
 * <p>Meters: {@code hotline.security.logins} by {@code result} ({@code ok}, {@code failed}, {@code
 * throttled}) and {@code hotline.security.lockouts}. Each failure is logged once, with the name and
 * address; each lockout once more.
 */
public final class Logins {
  private static final Logger log = LoggerFactory.getLogger(Logins.class);

  /** The longest name or password looked at; longer is refused without hashing. */
  static final int MAX_INPUT = 256;

  /** How long right Basic credentials are taken without hashing again. */
  static final Duration BASIC_TTL = Duration.ofMinutes(1);

  private static final int MAX_REMEMBERED = 1_000;

  /**
   * What a login attempt came to.
   *
   * @param user who logged in; null when the attempt failed
   * @param retryAfter how long to wait before trying again; null unless the attempt was refused
   *     unchecked for being too soon
   */
  public record Result(CtiUsers.User user, Duration retryAfter) {
    /** Whether the name and password were right. */
    public boolean ok() {
      return user != null;
    }

    /** The seconds of {@code Retry-After}: {@link #retryAfter()} rounded up, at least 1. */
    public long retryAfterSeconds() {
      return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
  }

  private record Remembered(CtiUsers.User user, Instant until) {}

  private final UserRepository users;
  private final CtiUsers agentsAndIntegrations;
  private final PasswordHash hasher;
  private final LoginThrottle throttle;
  private final Clock clock;
  private final byte[] pepper = new byte[32];
  private final Map<String, Remembered> basic = new ConcurrentHashMap<>();
  private final Counter ok;
  private final Counter failed;
  private final Counter throttled;
  private final Counter lockouts;

  public Logins(
      UserRepository users,
      CtiUsers agentsAndIntegrations,
      PasswordHash hasher,
      LoginThrottle throttle,
      Clock clock,
      MeterRegistry meters) {
    this.users = Objects.requireNonNull(users, "users");
    this.agentsAndIntegrations =
        Objects.requireNonNull(agentsAndIntegrations, "agentsAndIntegrations");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    this.clock = Objects.requireNonNull(clock, "clock");
    new SecureRandom().nextBytes(pepper);
    this.ok = logins(meters, "ok");
    this.failed = logins(meters, "failed");
    this.throttled = logins(meters, "throttled");
    this.lockouts =
        Counter.builder("hotline.security.lockouts")
            .description("Users locked out for too many wrong passwords in a row")
            .register(meters);
  }

  /**
   * Checks {@code name} and {@code password}, sent from {@code address}. May block: it hashes and
   * reads the database.
   */
  public Result login(String given, String password, String address) {
    String name = given == null ? "" : given;
    // Checked and counted in one step, so guesses made at once cannot all pass before one counts.
    LoginThrottle.Decision decision = throttle.begin(name, address);
    if (!decision.allowed()) {
      throttled.increment();
      log.info(
          "login of '{}' from {} refused unchecked: slowed down for {}",
          printable(name),
          address,
          decision.retryAfter());
      return new Result(null, decision.retryAfter());
    }
    LoginThrottle.Attempt attempt = decision.attempt();
    Optional<User> stored =
        name.isEmpty() || name.length() > MAX_INPUT ? Optional.empty() : users.byName(name);
    Instant now = clock.instant();
    // A lockout stored before a restart holds for the places the user has not logged in from since.
    if (stored.isPresent() && stored.get().lockedAt(now) && !throttle.isKnown(name, address)) {
      throttle.abandoned(attempt);
      throttled.increment();
      return new Result(null, Duration.between(now, stored.get().lockedUntil()));
    }
    Optional<CtiUsers.User> user = check(name, password, stored);
    if (user.isPresent()) {
      ok.increment();
      throttle.succeeded(attempt);
      if (stored.isPresent()
          && (stored.get().failedAttempts() > 0 || stored.get().lockedUntil() != null)) {
        users.clearFailures(name);
      }
      return new Result(user.get(), null);
    }
    failed.increment();
    Optional<Instant> locked = throttle.failed(attempt);
    if (stored.isPresent()) {
      users.recordFailure(name, locked.orElse(null));
    }
    log.warn("login failed for user '{}' from {}", printable(name), address);
    locked.ifPresent(
        until -> {
          lockouts.increment();
          log.warn(
              "user '{}' locked out until {}, from places it has not logged in from, after too many wrong passwords,"
                  + " the last from {}",
              printable(name),
              until,
              address);
        });
    return new Result(null, null);
  }

  /**
   * Checks HTTP Basic credentials like {@link #login}, taking right ones seen in the last {@link
   * #BASIC_TTL} without hashing again.
   */
  public Result basic(String name, String password, String address) {
    String key = key(name, password);
    Remembered remembered = basic.get(key);
    Instant now = clock.instant();
    if (remembered != null && now.isBefore(remembered.until())) {
      return new Result(remembered.user(), null);
    }
    Result result = login(name, password, address);
    if (result.ok()) {
      if (basic.size() >= MAX_REMEMBERED) {
        basic.clear();
      }
      basic.put(key, new Remembered(result.user(), now.plus(BASIC_TTL)));
    }
    return result;
  }

  /** Forgets every remembered Basic login: a user or agent was changed, disabled or removed. */
  public void forget() {
    basic.clear();
  }

  private Optional<CtiUsers.User> check(String name, String password, Optional<User> stored) {
    if (password == null
        || password.isEmpty()
        || name.isEmpty()
        || name.length() > MAX_INPUT
        || password.length() > MAX_INPUT) {
      return Optional.empty();
    }
    if (stored.isPresent()) {
      User user = stored.get();
      boolean right = hasher.verify(password, user.passwordHash());
      return right && user.enabled()
          ? Optional.of(new CtiUsers.User(user.name(), user.role()))
          : Optional.empty();
    }
    // Not a user: the agents' and integrations' check pays one password hash whoever the name is,
    // as a user's check does, so timing does not tell users apart.
    return agentsAndIntegrations.authenticate(name, password);
  }

  private String key(String name, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
      byte[] digest = mac.doFinal((name + '\0' + password).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** {@code name} safe for one log line: no control characters, at most 64 characters. */
  static String printable(String name) {
    String clean = name.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 64 ? clean.substring(0, 64) + "..." : clean;
  }

  private static Counter logins(MeterRegistry meters, String result) {
    return Counter.builder("hotline.security.logins")
        .description("Password checks of logins and HTTP Basic requests, by result")
        .tag("result", result)
        .register(Objects.requireNonNull(meters, "meters"));
  }
}
