package org.hotline.sip.guard;

/**
 * A token bucket: {@code rate} tokens a second, holding at most {@code burst}; a request takes one
 * or is refused. Time is the caller's, in nanoseconds, so tests need no sleeping.
 */
final class TokenBucket {
  private final double perNano;
  private final double burst;
  private double tokens;
  private long last;

  TokenBucket(int rate, int burst, long nowNanos) {
    this.perNano = rate / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.last = nowNanos;
  }

  /** Takes a token if there is one. */
  synchronized boolean take(long nowNanos) {
    refill(nowNanos);
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /**
   * Whether the bucket is full again: it has seen no request for as long as a full refill takes.
   */
  synchronized boolean idle(long nowNanos) {
    refill(nowNanos);
    return tokens >= burst;
  }

  private void refill(long nowNanos) {
    long elapsed = nowNanos - last;
    if (elapsed > 0) {
      tokens = Math.min(burst, tokens + elapsed * perNano);
      last = nowNanos;
    }
  }
}
