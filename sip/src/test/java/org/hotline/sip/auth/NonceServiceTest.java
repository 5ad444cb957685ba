package org.hotline.sip.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import org.hotline.core.time.ManualClock;
import org.hotline.sip.auth.NonceService.Verdict;
import org.junit.jupiter.api.Test;

class NonceServiceTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final NonceService nonces = new NonceService(clock, Duration.ofMinutes(5));

  @Test
  void freshNonce_isValid_withIncreasingCounts() {
    String n = nonces.issue();
    assertEquals(Verdict.VALID, nonces.check(n, "00000001"));
    assertEquals(Verdict.VALID, nonces.check(n, "00000002"));
  }

  @Test
  void noncesIssuedInTheSameMillisecond_differ() {
    assertNotEquals(nonces.issue(), nonces.issue());
  }

  @Test
  void replayedCount_isInvalid() {
    String n = nonces.issue();
    assertEquals(Verdict.VALID, nonces.check(n, "00000001"));
    assertEquals(Verdict.INVALID, nonces.check(n, "00000001"));
  }

  @Test
  void withoutQop_nonceIsSingleUse() {
    String n = nonces.issue();
    assertEquals(Verdict.VALID, nonces.check(n, null));
    assertEquals(Verdict.INVALID, nonces.check(n, null));
  }

  @Test
  void oldNonce_isStale() {
    String n = nonces.issue();
    clock.advance((Duration.ofMinutes(6)));
    assertEquals(Verdict.STALE, nonces.check(n, "00000001"));
  }

  @Test
  void forgedOrGarbledNonce_isInvalid() {
    assertEquals(Verdict.INVALID, nonces.check("not-a-nonce", "00000001"));
    assertEquals(Verdict.INVALID, nonces.check("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "00000001"));
    String fromOtherServer = new NonceService(clock, Duration.ofMinutes(5)).issue();
    assertEquals(Verdict.INVALID, nonces.check(fromOtherServer, "00000001"));
  }

  @Test
  void missingNonce_isInvalid() {
    assertEquals(Verdict.INVALID, nonces.check(null, "00000001"));
  }

  @Test
  void badNonceCount_isInvalid() {
    assertEquals(Verdict.INVALID, nonces.check(nonces.issue(), "zz"));
  }

  @Test
  void aNonceWhoseCountWasForgottenForNewerOnes_isStale_soThePhoneIsChallengedAfresh() {
    NonceService small = new NonceService(clock, Duration.ofMinutes(5), 4);
    String old = small.issue();
    assertEquals(Verdict.VALID, small.check(old, "00000001"));
    for (int i = 0; i < 4; i++) {
      assertEquals(Verdict.VALID, small.check(small.issue(), "00000001"));
    }
    assertEquals(
        Verdict.STALE, small.check(old, "00000002"), "its slot counts for a newer nonce now");
    assertEquals(
        Verdict.STALE, small.check(old, "00000001"), "a replay of it is not let through either");
  }

  @Test
  void noncesSharingASlot_keepTheirOwnCounts_untilTheNewerTakesIt() {
    NonceService small = new NonceService(clock, Duration.ofMinutes(5), 4);
    String first = small.issue();
    for (int i = 0; i < 3; i++) {
      small.issue();
    }
    String fifth = small.issue(); // the same slot as the first
    assertEquals(Verdict.VALID, small.check(first, "00000005"));
    assertEquals(
        Verdict.VALID, small.check(fifth, "00000001"), "a count of 1 is new for this nonce");
    assertEquals(Verdict.INVALID, small.check(fifth, "00000001"), "and its replay is refused");
  }
}
