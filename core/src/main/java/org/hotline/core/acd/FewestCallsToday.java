package org.hotline.core.acd;

import java.util.Comparator;

/**
 * The agent who answered the fewest calls today (since local midnight in the clock's zone, all
 * queues together) first, then the longest idle. The ACD resets the counts at midnight and re-sorts
 * the free agents then, so an agent who worked yesterday is not held back today.
 */
final class FewestCallsToday extends NamedStrategy {
  private static final Comparator<IdleAgent> ORDER =
      Comparator.comparingLong(IdleAgent::callsToday).thenComparing(LongestIdle.ORDER);

  FewestCallsToday() {
    super("fewest-calls");
  }

  @Override
  public Comparator<IdleAgent> order(String queue) {
    return ORDER;
  }
}
