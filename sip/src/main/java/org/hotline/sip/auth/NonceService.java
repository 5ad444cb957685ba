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
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks digest nonces (RFC 7616 section 3.3). A nonce carries its issue time, a
 * sequence number that makes it unique, and an HMAC over both with a per-process secret, so the
 * server can tell a forged nonce from a stale one without storing what it issued.
 *
 * <p>Replays are refused by remembering the highest nonce count seen for each nonce in use: each
 * use must count up (RFC 7616 section 3.4, {@code nc}). The counts live in fixed arrays indexed by
 * the nonce's sequence number modulo their size ({@link #REMEMBERED}), so they cost the same memory
 * at any registration rate and nothing for the garbage collector. A nonce whose slot has since been
 * taken by a newer one (more than {@link #REMEMBERED} nonces were issued after it) is answered as
 * stale: the phone is challenged again and retries at once, without a failure.
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

  /** What every nonce's MAC ends with, so it is never a MAC of something else. */
  private static final byte[] DOMAIN = "hotline-nonce".getBytes(StandardCharsets.US_ASCII);

  private final Clock clock;
  private final Duration ttl;
  private final byte[] secret = new byte[32];

  /** The sequence number of the nonce each slot counts for (0: none yet). */
  private final long[] slotNonce;

  /** The highest count seen for that nonce. */
  private final long[] slotCount;

  private final AtomicLong sequence = new AtomicLong();

  /** One keyed MAC per thread: looking one up and keying it costs more than the MAC itself. */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  /** How many nonces' counts are remembered: over three minutes of them at 5,000 a second. */
  static final int REMEMBERED = 1 << 20;

  public NonceService(Clock clock, Duration ttl) {
    this(clock, ttl, REMEMBERED);
  }

  NonceService(Clock clock, Duration ttl, int remembered) {
    this.clock = clock;
    this.ttl = ttl;
    this.slotNonce = new long[remembered];
    this.slotCount = new long[remembered];
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
   * @param nonceCount the {@code nc} value as sent (8 hex digits), or null when the client used no
   *     qop
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
      return Verdict.STALE;
    }
    long count;
    try {
      // Without qop the nonce may be used once only (count 1).
      count = nonceCount == null ? 1 : Long.parseLong(nonceCount, 16);
    } catch (NumberFormatException e) {
      return Verdict.INVALID;
    }
    return counted(seq, count);
  }

  /** Records use {@code count} of nonce {@code seq}: valid only if it counts up. */
  private synchronized Verdict counted(long seq, long count) {
    int slot = (int) Math.floorMod(seq, (long) slotNonce.length);
    long holder = slotNonce[slot];
    if (holder > seq) {
      return Verdict.STALE; // its count was forgotten for a newer nonce's: a fresh nonce is safe
    }
    if (holder == seq && count <= slotCount[slot]) {
      return Verdict.INVALID;
    }
    slotNonce[slot] = seq;
    slotCount[slot] = count;
    return Verdict.VALID;
  }

  private byte[] mac(long issued, long seq) {
    Mac mac = macs.get();
    byte[] input = new byte[16];
    ByteBuffer.wrap(input).putLong(issued).putLong(seq);
    mac.update(input);
    return mac.doFinal(DOMAIN);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret, HMAC));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(HMAC + " unavailable", e);
    }
  }
}
