package org.hotline.core.acd;

import java.util.Comparator;

/** The agent idle the longest first: the default, and the fairest when calls are alike. */
final class LongestIdle implements RoutingStrategy {
  static final Comparator<IdleAgent> ORDER = Comparator.comparing(IdleAgent::idleSince).thenComparing(IdleAgent::id);

  @Override
  public String name() {
    return "longest-idle";
  }

  @Override
  public Comparator<IdleAgent> order(String queue) {
    return ORDER;
  }

  @Override
  public String toString() {
    return name();
  }
}
