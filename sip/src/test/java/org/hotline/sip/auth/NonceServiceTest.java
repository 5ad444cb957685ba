package org.hotline.sip.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import org.hotline.sip.auth.NonceService.Verdict;
import org.junit.jupiter.api.Test;
import org.hotline.core.time.ManualClock;

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
}
