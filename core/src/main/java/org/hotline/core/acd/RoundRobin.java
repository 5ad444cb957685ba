package org.hotline.core.acd;

import java.util.Comparator;

/**
 * The agent offered a call longest ago (or never) first, whatever their idle time: agents take
 * turns, each offer moving the agent to the back.
 */
final class RoundRobin extends NamedStrategy {
  private static final Comparator<IdleAgent> ORDER =
      Comparator.comparingLong(IdleAgent::lastOffered).thenComparing(IdleAgent::id);

  RoundRobin() {
    super("round-robin");
  }

  @Override
  public Comparator<IdleAgent> order(String queue) {
    return ORDER;
  }
}
