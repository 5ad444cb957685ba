package org.hotline.admin.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing, per user name and per remote address, without holding a thread:
 * it says how long the next attempt must wait and the caller refuses it (429 with {@code
 * Retry-After}) instead of sleeping.
 *
 * <ul>
 *   <li>A name's first wrong password is free (a typo); the k-th in a row makes its next attempt
 *       wait 2<sup>k-2</sup> seconds (1, 2, 4...); the {@code maxFailures}-th locks it out for
 *       {@code lockout}. A good password forgets the name's failures.
 *   <li>An address may fail {@link #ADDRESS_FREE_FAILURES} times freely (an office behind one NAT
 *       mistypes); past that each failure doubles its wait, up to {@link #MAX_ADDRESS_DELAY}.
 *   <li>Both forget a failure streak {@code lockout} after its last failure.
 * </ul>
 *
 * <p>Names that are no one's are slowed down and locked alike, so the answers never tell which
 * names exist. Memory is bounded: at most {@link #MAX_ENTRIES} names and addresses are
 * remembered; past that, stale ones are forgotten first and new ones are not tracked by name
 * (their address still is).
 */
public final class LoginThrottle {
  /** Wrong passwords from one address before its attempts are slowed down. */
  static final int ADDRESS_FREE_FAILURES = 10;

  /** The longest an address waits between attempts. */
  static final Duration MAX_ADDRESS_DELAY = Duration.ofMinutes(1);

  /** Names and addresses remembered at most. */
  static final int MAX_ENTRIES = 100_000;

  private final Clock clock;
  private final int maxFailures;
  private final Duration lockout;
  private final Map<String, Streak> names = new ConcurrentHashMap<>();
  private final Map<String, Streak> addresses = new ConcurrentHashMap<>();

  /** Wrong passwords in a row, the last one's time, and until when the next attempt waits. */
  private record Streak(int failures, Instant last, Instant waitUntil) {}

  /**
   * @param clock tells the time of failures
   * @param maxFailures wrong passwords in a row that lock a name out
   * @param lockout how long a lockout lasts, and how long a streak is remembered
   */
  public LoginThrottle(Clock clock, int maxFailures, Duration lockout) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxFailures < 1 || lockout.isNegative() || lockout.isZero()) {
      throw new IllegalArgumentException("maxFailures >= 1 and a positive lockout, got " + maxFailures + " and " + lockout);
    }
    this.maxFailures = maxFailures;
    this.lockout = lockout;
  }

  /**
   * How long an attempt for {@code name} from {@code address} must wait still; empty when it may
   * be made now.
   */
  public Optional<Duration> waitFor(String name, String address) {
    Instant now = clock.instant();
    Instant until = later(until(names.get(name)), until(addresses.get(key(address))));
    return until != null && now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
  }

  /** Whether {@code name} is locked out now (for too many wrong passwords, not merely slowed down). */
  public boolean isLocked(String name) {
    Streak streak = names.get(name);
    return streak != null && streak.failures() >= maxFailures && clock.instant().isBefore(streak.waitUntil());
  }

  /**
   * Counts a wrong password for {@code name} from {@code address}.
   *
   * @return when this failure locked the name out, until when; empty otherwise (also for the
   *     failures of a name locked already, so a lockout is reported once)
   */
  public Optional<Instant> failed(String name, String address) {
    Instant now = clock.instant();
    Instant[] locked = {null};
    if (names.containsKey(name) || room(names, now)) {
      names.compute(name, (n, old) -> {
        int failures = streak(old, now) + 1;
        if (failures >= maxFailures) {
          if (old == null || old.failures() < maxFailures) {
            locked[0] = now.plus(lockout);
          }
          return new Streak(failures, now, now.plus(lockout));
        }
        return new Streak(failures, now, failures < 2 ? now : now.plus(Duration.ofSeconds(1L << Math.min(failures - 2, 20))));
      });
    }
    String a = key(address);
    if (addresses.containsKey(a) || room(addresses, now)) {
      addresses.compute(a, (k, old) -> {
        int failures = (old == null || stale(old, now) ? 0 : old.failures()) + 1;
        int over = failures - ADDRESS_FREE_FAILURES;
        Duration delay = over <= 0 ? Duration.ZERO : Duration.ofSeconds(1L << Math.min(over - 1, 20));
        return new Streak(failures, now, now.plus(delay.compareTo(MAX_ADDRESS_DELAY) > 0 ? MAX_ADDRESS_DELAY : delay));
      });
    }
    return Optional.ofNullable(locked[0]);
  }

  /** Forgets {@code name}'s wrong passwords after a good one. */
  public void succeeded(String name) {
    names.remove(name);
  }

  /** The failures of name streak {@code old} still counted at {@code now}: none once it is stale or its lockout ran out. */
  private int streak(Streak old, Instant now) {
    if (old == null || stale(old, now)) {
      return 0;
    }
    // A lockout that ran out starts the name afresh.
    return old.failures() >= maxFailures && !now.isBefore(old.waitUntil()) ? 0 : old.failures();
  }

  private boolean stale(Streak streak, Instant now) {
    return !now.isBefore(streak.last().plus(lockout)) && !now.isBefore(streak.waitUntil());
  }

  /** Whether {@code map} may take one more key, forgetting stale ones when it is full. */
  private boolean room(Map<String, Streak> map, Instant now) {
    if (map.size() < MAX_ENTRIES) {
      return true;
    }
    map.values().removeIf(s -> stale(s, now));
    return map.size() < MAX_ENTRIES;
  }

  private static Instant until(Streak streak) {
    return streak == null ? null : streak.waitUntil();
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  private static String key(String address) {
    return address == null ? "unknown" : address;
  }
}
