package org.hotline.core.acd;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Calls offered, answered, abandoned, given back and overflowed per queue today, in the clock's
 * zone, with what the service level needs: the counts start again at zero on the first use of a new
 * day. Touched only on the ACD's thread.
 */
final class QueueCounts {
  /** Today's counts of one queue. */
  static final class Today {
    long offered;
    long answered;
    long abandoned;
    long givenBack;
    long overflowed;

    /** Answered within the service-level threshold. */
    long answeredInTime;

    /** Abandoned, given back or overflowed after waiting longer than the threshold. */
    long unansweredLate;

    /**
     * See {@link QueueStats#serviceLevel()}: answered in time / answered, 1 while none is answered.
     */
    double serviceLevel() {
      return answered == 0 ? 1.0 : (double) answeredInTime / answered;
    }

    /** A call left unanswered after {@code waited}: late when beyond {@code threshold}. */
    void unanswered(Duration waited, Duration threshold) {
      if (waited.compareTo(threshold) > 0) {
        unansweredLate++;
      }
    }
  }

  private static final Today NONE = new Today();

  private final Clock clock;
  private final Map<String, Today> byQueue = new HashMap<>();
  private LocalDate day;

  QueueCounts(Clock clock) {
    this.clock = clock;
  }

  /** The counts of {@code queue} today, to increment. */
  Today of(String queue) {
    rollOver();
    return byQueue.computeIfAbsent(queue, q -> new Today());
  }

  /** The counts of {@code queue} today, to read (zeros when none). */
  Today peek(String queue) {
    rollOver();
    return byQueue.getOrDefault(queue, NONE);
  }

  /** The queues with counts today. */
  java.util.Set<String> queues() {
    rollOver();
    return byQueue.keySet();
  }

  private void rollOver() {
    LocalDate today = LocalDate.now(clock);
    if (!today.equals(day)) {
      day = today;
      byQueue.clear();
    }
  }
}
