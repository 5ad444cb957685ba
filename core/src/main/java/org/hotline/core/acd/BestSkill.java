package org.hotline.core.acd;

import java.util.Comparator;

/**
 * The agent with the highest skill level in the queue first ({@link
 * org.hotline.core.agent.Agent#levels()}), then the longest idle among equals: the best-suited
 * agent takes the call when free, and less skilled ones take the overflow.
 */
final class BestSkill extends NamedStrategy {
  BestSkill() {
    super("skills");
  }

  @Override
  public Comparator<IdleAgent> order(String queue) {
    return Comparator.comparingInt((IdleAgent a) -> -a.level(queue))
        .thenComparing(LongestIdle.ORDER);
  }
}
