package org.hotline.core.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Estimates how long a waiting call will wait, from a queue's recent real answers: the queue serves
 * a call every {@code (last answer - first answer) / (answers - 1)} over its last {@value #WINDOW}
 * answers, so the call in position {@code n} waits about {@code n} such intervals. With a single
 * answer on record the estimate is that call's wait; with none, or when the newest answer is older
 * than {@link #STALE}, there is no estimate (a caller hears none rather than a made-up one).
 * Touched only on the ACD's thread.
 */
final class WaitEstimator {
  static final int WINDOW = 20;
  static final Duration STALE = Duration.ofHours(1);

  private final Instant[] answeredAt = new Instant[WINDOW];
  private final Duration[] waits = new Duration[WINDOW];
  private int count;
  private int next;

  /** A call of this queue was answered at {@code at} after waiting {@code waited}. */
  void answered(Instant at, Duration waited) {
    answeredAt[next] = at;
    waits[next] = waited;
    next = (next + 1) % WINDOW;
    count = Math.min(count + 1, WINDOW);
  }

  /** The expected wait from {@code now} of the call at {@code position} (1 = next). */
  Optional<Duration> estimate(int position, Instant now) {
    if (count == 0 || position < 1) {
      return Optional.empty();
    }
    int newest = (next - 1 + WINDOW) % WINDOW;
    if (Duration.between(answeredAt[newest], now).compareTo(STALE) > 0) {
      return Optional.empty();
    }
    if (count == 1) {
      return Optional.of(waits[newest]);
    }
    int oldest = count < WINDOW ? 0 : next;
    Duration span = Duration.between(answeredAt[oldest], answeredAt[newest]);
    Duration perCall = span.dividedBy(count - 1);
    return Optional.of(perCall.multipliedBy(position));
  }
}
