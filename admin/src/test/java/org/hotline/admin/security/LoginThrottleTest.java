package org.hotline.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.hotline.core.time.ManualClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  final ManualClock clock = new ManualClock(T0);
  final LoginThrottle throttle = new LoginThrottle(clock, 5, Duration.ofMinutes(15));

  @Test
  void theFirstWrongPasswordIsFree_eachNextDoublesTheWait_untilTheFifthLocksOutForTheLockout_reportedOnce() {
    assertEquals(Optional.empty(), throttle.failed("lin", "10.0.0.0"));
    assertEquals(Optional.empty(), throttle.waitFor("lin", "10.0.0.99"), "a typo costs nothing");
    long[] waits = new long[3];
    for (int i = 0; i < 3; i++) {
      assertEquals(Optional.empty(), throttle.failed("lin", "10.0.0." + (i + 1)));
      waits[i] = throttle.waitFor("lin", "10.0.0.99").orElseThrow().toSeconds();
      clock.advance(Duration.ofSeconds(waits[i]));
      assertEquals(Optional.empty(), throttle.waitFor("lin", "10.0.0.99"), "free again once the wait is over");
    }
    assertEquals(1, waits[0]);
    assertEquals(2, waits[1]);
    assertEquals(4, waits[2]);

    Optional<Instant> locked = throttle.failed("lin", "10.0.0.5");

    assertEquals(Optional.of(clock.instant().plus(Duration.ofMinutes(15))), locked);
    assertTrue(throttle.isLocked("lin"));
    assertEquals(Duration.ofMinutes(15), throttle.waitFor("lin", "10.0.0.99").orElseThrow());
    assertEquals(Optional.empty(), throttle.failed("lin", "10.0.0.5"), "a lockout is reported once");
  }

  @Test
  void aLockout_endsAfterTheLockout_andTheNameStartsAfresh() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("lin", "10.0.0." + i);
    }
    clock.advance(Duration.ofMinutes(15));

    assertFalse(throttle.isLocked("lin"));
    assertEquals(Optional.empty(), throttle.waitFor("lin", "10.0.0.9"));
    throttle.failed("lin", "10.0.0.9");
    throttle.failed("lin", "10.0.0.9");
    assertEquals(Duration.ofSeconds(1), throttle.waitFor("lin", "10.0.0.99").orElseThrow());
  }

  @Test
  void aRightPassword_forgetsTheNamesFailures() {
    throttle.failed("lin", "10.0.0.1");
    throttle.failed("lin", "10.0.0.1");
    clock.advance(Duration.ofSeconds(2));

    throttle.succeeded("lin");
    throttle.failed("lin", "10.0.0.2");
    assertEquals(Optional.empty(), throttle.waitFor("lin", "10.0.0.99"));
    throttle.failed("lin", "10.0.0.2");

    assertEquals(Duration.ofSeconds(1), throttle.waitFor("lin", "10.0.0.99").orElseThrow());
  }

  @Test
  void oneAddress_guessingManyNames_isSlowedDownAfterItsFreeFailures_upToAMinute() {
    for (int i = 0; i < LoginThrottle.ADDRESS_FREE_FAILURES; i++) {
      throttle.failed("user" + i, "203.0.113.7");
    }
    assertEquals(Optional.empty(), throttle.waitFor("someone-else", "203.0.113.7"));

    throttle.failed("user-x", "203.0.113.7");
    assertEquals(Duration.ofSeconds(1), throttle.waitFor("someone-else", "203.0.113.7").orElseThrow());
    assertEquals(Optional.empty(), throttle.waitFor("someone-else", "198.51.100.1"), "other addresses are not slowed");
    for (int i = 0; i < 20; i++) {
      throttle.failed("user-y" + i, "203.0.113.7");
    }
    assertEquals(LoginThrottle.MAX_ADDRESS_DELAY, throttle.waitFor("nobody", "203.0.113.7").orElseThrow());
  }

  @Test
  void aStreak_isForgottenALockoutAfterItsLastFailure() {
    throttle.failed("lin", "10.0.0.1");
    throttle.failed("lin", "10.0.0.1");
    clock.advance(Duration.ofMinutes(15));

    throttle.failed("lin", "10.0.0.1");

    assertEquals(Optional.empty(), throttle.waitFor("lin", "10.0.0.1"), "counted as a first failure");
  }
}
