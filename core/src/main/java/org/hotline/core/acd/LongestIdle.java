package org.hotline.core.acd;

import java.util.Comparator;

/** The agent idle the longest first: the default, and the fairest when calls are alike. */
final class LongestIdle extends NamedStrategy {
  static final Comparator<IdleAgent> ORDER =
      Comparator.comparing(IdleAgent::idleSince).thenComparing(IdleAgent::id);

  LongestIdle() {
    super("longest-idle");
  }

  @Override
  public Comparator<IdleAgent> order(String queue) {
    return ORDER;
  }
}
