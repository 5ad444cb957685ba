package org.hotline.sip.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.sip.auth.NonceService.Verdict;
import org.junit.jupiter.api.Test;

class NonceServiceTest {
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
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
    now.set(now.get().plus(Duration.ofMinutes(6)));
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
  void badNonceCount_isInvalid() {
    assertEquals(Verdict.INVALID, nonces.check(nonces.issue(), "zz"));
  }
}
