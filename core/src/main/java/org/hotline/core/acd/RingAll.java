package org.hotline.core.acd;

import java.util.Comparator;

/**
 * Every free agent of the queue rings at once for the call at the head; the first to answer takes
 * it, and the others are free again without a missed offer. Agents who did not answer are skipped
 * for that call until the no-answer retry, like with the other strategies.
 */
final class RingAll extends NamedStrategy {
  RingAll() {
    super("ring-all");
  }

  /** The order agents are reserved in (and an agent of several queues is matched by). */
  @Override
  public Comparator<IdleAgent> order(String queue) {
    return LongestIdle.ORDER;
  }

  @Override
  public boolean ringsAll() {
    return true;
  }
}
