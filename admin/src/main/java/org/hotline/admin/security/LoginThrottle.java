package org.hotline.admin.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Slows down password guessing without holding a thread: it says how long an attempt must wait and
 * the caller refuses it (429 with {@code Retry-After}) instead of sleeping.
 *
 * <ul>
 *   <li>Per name and address: the first wrong password is free (a typo); after the k-th in a row
 *       the next attempt of that name from that address waits 2<sup>k-2</sup> seconds (1, 2, 4...),
 *       at most {@code lockout}. Someone guessing slows down themselves, not the user elsewhere.
 *   <li>Per address: {@link #ADDRESS_FREE_FAILURES} wrong passwords, whatever the names, are free
 *       (an office behind one NAT mistypes); past that each doubles the address's wait, up to
 *       {@link #MAX_ADDRESS_DELAY}.
 *   <li>Per name, across addresses: the {@code maxFailures}-th wrong password in a row locks the
 *       name out for {@code lockout}, but only from addresses it has not logged in from: the places
 *       where its user logged in before (the last {@link #KNOWN_PER_NAME}, since the start) keep
 *       only their own wait, so guesses from elsewhere cannot lock the user out.
 *   <li>Each streak is forgotten {@code lockout} after its last failure.
 * </ul>
 *
 * <p>An attempt is counted as it starts ({@link #begin}), as if it were wrong, in one step with the
 * check: attempts that run at once (each hashing a password for a while) meet the wait the earlier
 * ones would cause, instead of all passing the check before any failure is counted. A right
 * password then takes its count back ({@link #succeeded}).
 *
 * <p>Names that are no one's are slowed down and locked alike, so the answers never tell which
 * names exist. Memory is bounded: at most {@link #MAX_ENTRIES} streaks of each kind; past that,
 * stale ones are forgotten first and new ones are not tracked (the address's still is).
 */
public final class LoginThrottle {
  /** Wrong passwords from one address before its attempts are slowed down. */
  static final int ADDRESS_FREE_FAILURES = 10;

  /** The longest an address waits between attempts. */
  static final Duration MAX_ADDRESS_DELAY = Duration.ofMinutes(1);

  /** Streaks of each kind (names and addresses, names, addresses) remembered at most. */
  static final int MAX_ENTRIES = 100_000;

  /** Places a name's user logged in from that are remembered, the latest first. */
  static final int KNOWN_PER_NAME = 16;

  private final Clock clock;
  private final int maxFailures;
  private final Duration lockout;
  private final Map<String, Streak> pairs = new LinkedHashMap<>();
  private final Map<String, Streak> names = new LinkedHashMap<>();
  private final Map<String, Streak> addresses = new LinkedHashMap<>();
  private final Map<String, Map<String, Instant>> known = new LinkedHashMap<>();

  /** Wrong passwords in a row (attempts under way included) and the last one's time. */
  private record Streak(int failures, Instant last) {
    Streak plusOne(Instant now) {
      return new Streak(failures + 1, now);
    }
  }

  /**
   * An attempt that {@link #begin} let through and counted; the caller tells how it ended with
   * {@link #succeeded}, {@link #failed} or {@link #abandoned}.
   *
   * @param name the name tried
   * @param address where it came from
   * @param locks until when the name is locked out if this attempt was wrong (it was the one that
   *     reached the limit); null otherwise
   * @param inPair whether the streak of the name at the address counted it (a full table does not)
   * @param inName whether the name's streak counted it
   * @param inAddress whether the address's streak counted it
   */
  public record Attempt(
      String name,
      String address,
      Instant locks,
      boolean inPair,
      boolean inName,
      boolean inAddress) {}

  /**
   * What {@link #begin} decided: an attempt to make, or how long to wait before the next.
   *
   * @param attempt the attempt, counted; null when it must wait
   * @param retryAfter how long still; null when the attempt may be made now
   */
  public record Decision(Attempt attempt, Duration retryAfter) {
    /** Whether the attempt may be made now. */
    public boolean allowed() {
      return attempt != null;
    }
  }

  /**
   * @param clock tells the time of failures
   * @param maxFailures wrong passwords in a row that lock a name out (from places it has not logged
   *     in from)
   * @param lockout how long a lockout lasts, the longest a name waits at one address, and how long
   *     a streak is remembered
   */
  public LoginThrottle(Clock clock, int maxFailures, Duration lockout) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxFailures < 1 || lockout.isNegative() || lockout.isZero()) {
      throw new IllegalArgumentException(
          "maxFailures >= 1 and a positive lockout, got " + maxFailures + " and " + lockout);
    }
    this.maxFailures = maxFailures;
    this.lockout = lockout;
  }

  /**
   * Decides on an attempt for {@code name} from {@code address} and, when it may be made now,
   * counts it as wrong until told otherwise, in one step: no other attempt sees the streaks between
   * the two.
   */
  public synchronized Decision begin(String name, String address) {
    Instant now = clock.instant();
    String a = key(address);
    String pair = name + '\0' + a;
    Streak p = live(pairs, pair, now);
    Streak n = live(names, name, now);
    Streak byAddress = live(addresses, a, now);
    Instant until = later(pairUntil(p), addressUntil(byAddress));
    if (!isKnown(name, a)) {
      until = later(until, lockedUntil(n));
    }
    if (until != null && now.isBefore(until)) {
      return new Decision(null, Duration.between(now, until));
    }
    boolean wasLocked = n != null && n.failures() >= maxFailures;
    boolean inPair = count(pairs, pair, p, now);
    boolean inName = count(names, name, n, now);
    boolean inAddress = count(addresses, a, byAddress, now);
    Instant locks =
        inName && !wasLocked && names.get(name).failures() >= maxFailures
            ? now.plus(lockout)
            : null;
    return new Decision(new Attempt(name, a, locks, inPair, inName, inAddress), null);
  }

  /**
   * The attempt's password was wrong (counted already).
   *
   * @return when this failure locked the name out, until when; empty otherwise (also for the
   *     failures of a name locked already, so a lockout is reported once)
   */
  public synchronized Optional<Instant> failed(Attempt attempt) {
    return Optional.ofNullable(attempt.locks());
  }

  /**
   * The attempt's password was right: its count is taken back, the wait of its name at its address
   * is forgotten, and the address becomes a place the name logs in from.
   */
  public synchronized void succeeded(Attempt attempt) {
    Instant now = clock.instant();
    pairs.remove(attempt.name() + '\0' + attempt.address());
    takeBack(names, attempt.name(), attempt.inName());
    takeBack(addresses, attempt.address(), attempt.inAddress());
    Map<String, Instant> places = known.get(attempt.name());
    if (places == null && known.size() >= MAX_ENTRIES) {
      return;
    }
    if (places == null) {
      places = new LinkedHashMap<>();
      known.put(attempt.name(), places);
    }
    places.remove(attempt.address());
    places.put(attempt.address(), now);
    if (places.size() > KNOWN_PER_NAME) {
      places.remove(places.keySet().iterator().next());
    }
  }

  /** The attempt was not made after all (refused for another reason): its count is taken back. */
  public synchronized void abandoned(Attempt attempt) {
    takeBack(pairs, attempt.name() + '\0' + attempt.address(), attempt.inPair());
    takeBack(names, attempt.name(), attempt.inName());
    takeBack(addresses, attempt.address(), attempt.inAddress());
  }

  /** Whether the user of {@code name} has logged in from {@code address} (since the start). */
  public synchronized boolean isKnown(String name, String address) {
    Map<String, Instant> places = known.get(name);
    return places != null && places.containsKey(key(address));
  }

  /** Whether {@code name} is locked out now, for places it has not logged in from. */
  public synchronized boolean isLocked(String name) {
    Instant until = lockedUntil(live(names, name, clock.instant()));
    return until != null && clock.instant().isBefore(until);
  }

  private Instant pairUntil(Streak streak) {
    if (streak == null || streak.failures() < 2) {
      return null;
    }
    Duration delay = Duration.ofSeconds(1L << Math.min(streak.failures() - 2, 20));
    return streak.last().plus(delay.compareTo(lockout) > 0 ? lockout : delay);
  }

  private Instant lockedUntil(Streak streak) {
    return streak == null || streak.failures() < maxFailures ? null : streak.last().plus(lockout);
  }

  private static Instant addressUntil(Streak streak) {
    int over = streak == null ? 0 : streak.failures() - ADDRESS_FREE_FAILURES;
    if (over <= 0) {
      return null;
    }
    Duration delay = Duration.ofSeconds(1L << Math.min(over - 1, 20));
    return streak.last().plus(delay.compareTo(MAX_ADDRESS_DELAY) > 0 ? MAX_ADDRESS_DELAY : delay);
  }

  /**
   * The streak of {@code key}, forgotten when stale: {@code lockout} after its last failure (a
   * lockout that ran out starts the name afresh).
   */
  private Streak live(Map<String, Streak> map, String key, Instant now) {
    Streak streak = map.get(key);
    if (streak != null && !now.isBefore(streak.last().plus(lockout))) {
      map.remove(key);
      return null;
    }
    return streak;
  }

  /**
   * Counts one failure more in {@code key}'s streak; false when the table is full and it is not
   * tracked.
   */
  private boolean count(Map<String, Streak> map, String key, Streak old, Instant now) {
    if (old == null && !room(map, now)) {
      return false;
    }
    map.put(key, old == null ? new Streak(1, now) : old.plusOne(now));
    return true;
  }

  private static void takeBack(Map<String, Streak> map, String key, boolean counted) {
    Streak streak = map.get(key);
    if (!counted || streak == null) {
      return;
    }
    if (streak.failures() <= 1) {
      map.remove(key);
    } else {
      map.put(key, new Streak(streak.failures() - 1, streak.last()));
    }
  }

  /** Whether {@code map} may take one more key, forgetting stale ones when it is full. */
  private boolean room(Map<String, Streak> map, Instant now) {
    if (map.size() < MAX_ENTRIES) {
      return true;
    }
    map.values().removeIf(s -> !now.isBefore(s.last().plus(lockout)));
    return map.size() < MAX_ENTRIES;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  private static String key(String address) {
    return address == null ? "unknown" : address;
  }
}
