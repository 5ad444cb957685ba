package org.hotline.sip.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks digest nonces (RFC 7616 section 3.3). A nonce carries its issue time, a
 * sequence number that makes it unique, and an HMAC over both with a per-process secret, so the server can tell a forged nonce from a stale
 * one without storing what it issued. Replays are refused by remembering, per nonce in use, the
 * highest nonce count seen: each use must count up (RFC 7616 section 3.4, {@code nc}).
 */
public final class NonceService {
  /** What a presented nonce turned out to be. */
  public enum Verdict {
    VALID,
    /** Genuine but too old: the client should retry with a fresh nonce ({@code stale=true}). */
    STALE,
    /** Not ours, damaged, or a reused nonce count. */
    INVALID
  }

  private static final String HMAC = "HmacSHA256";
  /** Issue time (8 bytes), sequence (8), truncated HMAC (16). */
  private static final int LENGTH = 32;

  private final Clock clock;
  private final Duration ttl;
  private final byte[] secret = new byte[32];
  private final Map<String, Long> highestCount = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();

  public NonceService(Clock clock, Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
    new SecureRandom().nextBytes(secret);
  }

  /** A fresh nonce. */
  public String issue() {
    long now = clock.millis();
    long seq = sequence.incrementAndGet();
    ByteBuffer b = ByteBuffer.allocate(LENGTH);
    b.putLong(now);
    b.putLong(seq);
    b.put(mac(now, seq), 0, 16);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  /**
   * Checks a nonce and its count.
   *
   * @param nonceCount the {@code nc} value as sent (8 hex digits), or null when the client used no qop
   */
  public Verdict check(String nonce, String nonceCount) {
    if (nonce == null) {
      return Verdict.INVALID;
    }
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(nonce);
    } catch (IllegalArgumentException e) {
      return Verdict.INVALID;
    }
    if (raw.length != LENGTH) {
      return Verdict.INVALID;
    }
    ByteBuffer b = ByteBuffer.wrap(raw);
    long issued = b.getLong();
    long seq = b.getLong();
    byte[] tag = new byte[16];
    b.get(tag);
    byte[] expected = new byte[16];
    System.arraycopy(mac(issued, seq), 0, expected, 0, 16);
    if (!MessageDigest.isEqual(tag, expected)) {
      return Verdict.INVALID;
    }
    Instant now = clock.instant();
    if (Instant.ofEpochMilli(issued).plus(ttl).isBefore(now)) {
      highestCount.remove(nonce);
      return Verdict.STALE;
    }
    long count;
    try {
      // Without qop the nonce may be used once only (count 1).
      count = nonceCount == null ? 1 : Long.parseLong(nonceCount, 16);
    } catch (NumberFormatException e) {
      return Verdict.INVALID;
    }
    Long previous = highestCount.putIfAbsent(nonce, count);
    if (previous != null) {
      if (count <= previous || !highestCount.replace(nonce, previous, count)) {
        return Verdict.INVALID;
      }
    }
    return Verdict.VALID;
  }

  /** Forgets counts of nonces that have expired; call from time to time. */
  public void purge() {
    long oldest = clock.millis() - ttl.toMillis();
    highestCount.keySet().removeIf(n -> issuedAt(n) < oldest);
  }

  private static long issuedAt(String nonce) {
    try {
      return ByteBuffer.wrap(Base64.getUrlDecoder().decode(nonce)).getLong();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private byte[] mac(long issued, long seq) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret, HMAC));
      mac.update(ByteBuffer.allocate(16).putLong(issued).putLong(seq).array());
      return mac.doFinal("hotline-nonce".getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(HMAC + " unavailable", e);
    }
  }
}
