package org.hotline.core.acd;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.hotline.config.AcdSettings;

/**
 * The ACD's rules.
 *
 * @param strategy the routing strategy of every queue not in {@code strategyByQueue}
 * @param strategyByQueue strategies of single queues
 * @param wrapUp after-call work: how long an agent stays in wrap-up after a call (zero: none)
 * @param maxMissed offers in a row an agent may leave unanswered before going on break with
 *     reason {@code missed} (0: never)
 */
public record AcdPolicy(
    RoutingStrategy strategy, Map<String, RoutingStrategy> strategyByQueue, Duration wrapUp, int maxMissed) {
  /** Longest idle everywhere, no wrap-up, break after 3 missed offers. */
  public static final AcdPolicy DEFAULTS = new AcdPolicy(RoutingStrategy.LONGEST_IDLE, Map.of(), Duration.ZERO, 3);

  public AcdPolicy {
    Objects.requireNonNull(strategy, "strategy");
    strategyByQueue = Map.copyOf(strategyByQueue);
    Objects.requireNonNull(wrapUp, "wrapUp");
    if (wrapUp.isNegative() || maxMissed < 0) {
      throw new IllegalArgumentException("negative wrap-up or max missed");
    }
  }

  /** The policy configured by {@code settings}: one strategy for every queue. */
  public static AcdPolicy from(AcdSettings settings) {
    return new AcdPolicy(
        RoutingStrategy.named(settings.strategy()), Map.of(), settings.wrapUp(), settings.maxMissed());
  }

  /** The strategy of {@code queue}. */
  public RoutingStrategy strategyOf(String queue) {
    return strategyByQueue.getOrDefault(queue, strategy);
  }

  /** The wrap-up of an agent whose call came from {@code queue}. */
  public Duration wrapUpOf(String queue) {
    return wrapUp;
  }
}
