package org.hotline.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

  /**
   * A wrong password of {@code name} from {@code address}, which must be let through; whether it
   * locked the name.
   */
  Optional<Instant> fail(String name, String address) {
    LoginThrottle.Decision d = throttle.begin(name, address);
    assertTrue(d.allowed(), name + " from " + address + " must wait " + d.retryAfter());
    return throttle.failed(d.attempt());
  }

  void succeed(String name, String address) {
    LoginThrottle.Decision d = throttle.begin(name, address);
    assertTrue(d.allowed(), name + " from " + address + " must wait " + d.retryAfter());
    throttle.succeeded(d.attempt());
  }

  /** How long an attempt must wait, without making one; null when it may be made. */
  Duration waitOf(String name, String address) {
    LoginThrottle.Decision d = throttle.begin(name, address);
    if (d.allowed()) {
      throttle.abandoned(d.attempt());
      return null;
    }
    return d.retryAfter();
  }

  @Test
  void atOneAddress_theFirstWrongPasswordIsFree_andEachNextDoublesTheWait_ofThatAddressOnly() {
    fail("lin", "203.0.113.9");
    assertNull(waitOf("lin", "203.0.113.9"), "a typo costs nothing");
    long[] waits = new long[3];
    for (int i = 0; i < 3; i++) {
      fail("lin", "203.0.113.9");
      waits[i] = waitOf("lin", "203.0.113.9").toSeconds();
      assertNull(waitOf("lin", "192.0.2.10"), "the name elsewhere does not wait");
      clock.advance(Duration.ofSeconds(waits[i]));
    }
    assertEquals(1, waits[0]);
    assertEquals(2, waits[1]);
    assertEquals(4, waits[2]);
  }

  @Test
  void theWaitOfANameAtAnAddress_growsUpToTheLockout_neverBeyond() {
    succeed("lin", "203.0.113.9");
    for (int i = 0; i < 30; i++) {
      fail("lin", "203.0.113.9");
      Duration wait = waitOf("lin", "203.0.113.9");
      if (wait != null) {
        assertTrue(wait.compareTo(Duration.ofMinutes(15)) <= 0, wait.toString());
        clock.advance(wait);
      }
    }
  }

  @Test
  void theFifthWrongPasswordInARow_locksTheNameOut_fromPlacesItHasNotLoggedInFrom_reportedOnce() {
    succeed("lin", "192.0.2.10");
    for (int i = 1; i < 5; i++) {
      assertEquals(Optional.empty(), fail("lin", "203.0.113." + i));
    }

    assertEquals(
        Optional.of(clock.instant().plus(Duration.ofMinutes(15))), fail("lin", "203.0.113.5"));

    assertTrue(throttle.isLocked("lin"));
    assertEquals(Duration.ofMinutes(15), waitOf("lin", "198.51.100.2"));
    assertNull(
        waitOf("lin", "192.0.2.10"), "where the user logged in before, the name is not locked");
    assertEquals(Optional.empty(), fail("lin", "192.0.2.10"), "a lockout is reported once");
  }

  @Test
  void aLockout_endsAfterTheLockout_andTheNameStartsAfresh() {
    for (int i = 0; i < 5; i++) {
      fail("lin", "203.0.113." + i);
    }
    clock.advance(Duration.ofMinutes(15));

    assertFalse(throttle.isLocked("lin"));
    assertNull(waitOf("lin", "198.51.100.2"));
  }

  @Test
  void aRightPassword_forgetsTheWaitOfItsPlace_andTakesItsCountBack() {
    fail("lin", "192.0.2.10");
    fail("lin", "192.0.2.10");
    clock.advance(Duration.ofSeconds(1));

    succeed("lin", "192.0.2.10");

    assertTrue(throttle.isKnown("lin", "192.0.2.10"));
    fail("lin", "192.0.2.10");
    assertNull(waitOf("lin", "192.0.2.10"), "a first failure again");
  }

  @Test
  void attemptsUnderWay_countAsTheyStart_soTheThirdAtOnceWaits() {
    LoginThrottle.Decision first = throttle.begin("1001", "203.0.113.9");
    LoginThrottle.Decision second = throttle.begin("1001", "203.0.113.9");
    LoginThrottle.Decision third = throttle.begin("1001", "203.0.113.9");

    assertTrue(first.allowed());
    assertTrue(second.allowed());
    assertFalse(third.allowed(), "two under way count as two wrong passwords");
    assertEquals(Duration.ofSeconds(1), third.retryAfter());
  }

  @Test
  void anAbandonedAttempt_isNotCounted() {
    fail("lin", "192.0.2.10");
    throttle.abandoned(throttle.begin("lin", "192.0.2.10").attempt());

    assertNull(waitOf("lin", "192.0.2.10"), "one failure only: free");
  }

  @Test
  void oneAddress_guessingManyNames_isSlowedDownAfterItsFreeFailures_upToAMinute() {
    for (int i = 0; i < LoginThrottle.ADDRESS_FREE_FAILURES; i++) {
      fail("user" + i, "203.0.113.7");
    }
    assertNull(waitOf("someone-else", "203.0.113.7"));

    fail("user-x", "203.0.113.7");
    assertEquals(Duration.ofSeconds(1), waitOf("someone-else", "203.0.113.7"));
    assertNull(waitOf("someone-else", "198.51.100.1"), "other addresses are not slowed");
    for (int i = 0; i < 20; i++) {
      clock.advance(LoginThrottle.MAX_ADDRESS_DELAY);
      fail("user-y" + i, "203.0.113.7");
    }
    assertEquals(LoginThrottle.MAX_ADDRESS_DELAY, waitOf("nobody", "203.0.113.7"));
  }

  @Test
  void aStreak_isForgottenALockoutAfterItsLastFailure() {
    fail("lin", "10.0.0.1");
    fail("lin", "10.0.0.1");
    clock.advance(Duration.ofMinutes(15));

    fail("lin", "10.0.0.1");

    assertNull(waitOf("lin", "10.0.0.1"), "counted as a first failure");
  }
}
