package org.hotline.core.acd;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Calls offered, answered and abandoned per queue today, in the clock's zone: the counts start
 * again at zero on the first use of a new day. Touched only on the ACD's thread.
 */
final class QueueCounts {
  /** Today's counts of one queue. */
  static final class Today {
    long offered;
    long answered;
    long abandoned;
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

  private void rollOver() {
    LocalDate today = LocalDate.now(clock);
    if (!today.equals(day)) {
      day = today;
      byQueue.clear();
    }
  }
}
