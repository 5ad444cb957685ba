package org.hotline.config;

import java.time.Duration;

/**
 * ACD settings.
 *
 * @param ringTimeout how long an agent's phone rings before the next agent
 * @param strategy routing strategy of every queue: {@code longest-idle}, {@code round-robin} or
 *     {@code fewest-calls}
 * @param wrapUp after-call work before an agent is available again (zero: none)
 * @param maxMissed offers in a row an agent may leave unanswered before a break (0: never)
 */
public record AcdSettings(Duration ringTimeout, String strategy, Duration wrapUp, int maxMissed) {
  /** The routing strategies {@code strategy} may name. */
  public static final java.util.Set<String> STRATEGIES = java.util.Set.of("longest-idle", "round-robin", "fewest-calls");

  /** Ring timeout {@code ringTimeout}, the other settings at their defaults. */
  public AcdSettings(Duration ringTimeout) {
    this(ringTimeout, "longest-idle", Duration.ZERO, 3);
  }
}
