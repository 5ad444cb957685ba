package org.hotline.core.acd;

import java.util.Comparator;
import java.util.Locale;

/**
 * How a queue picks among its free agents: an order over them, best first. The ACD keeps each
 * queue's free agents in a sorted set with this order, so picking one costs O(log n); the order
 * may therefore only use what does not change while an agent is free ({@link IdleAgent}).
 */
public interface RoutingStrategy {
  /** The name used in configuration, e.g. {@code longest-idle}. */
  String name();

  /** Best agent first; must be a total order (ties broken by id). */
  Comparator<IdleAgent> order();

  /** The agent idle the longest first: the default. */
  RoutingStrategy LONGEST_IDLE =
      of("longest-idle", Comparator.comparing(IdleAgent::idleSince).thenComparing(IdleAgent::id));

  /** The agent offered a call longest ago (or never) first: agents take turns. */
  RoutingStrategy ROUND_ROBIN =
      of("round-robin", Comparator.comparingLong(IdleAgent::lastOffered).thenComparing(IdleAgent::id));

  /** The agent who answered the fewest calls first, then the longest idle. */
  RoutingStrategy FEWEST_CALLS =
      of(
          "fewest-calls",
          Comparator.comparingLong(IdleAgent::callsAnswered)
              .thenComparing(IdleAgent::idleSince)
              .thenComparing(IdleAgent::id));

  /**
   * The strategy called {@code name} ({@code longest-idle}, {@code round-robin} or {@code
   * fewest-calls}).
   *
   * @throws IllegalArgumentException for any other name
   */
  static RoutingStrategy named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "longest-idle" -> LONGEST_IDLE;
      case "round-robin" -> ROUND_ROBIN;
      case "fewest-calls" -> FEWEST_CALLS;
      default ->
          throw new IllegalArgumentException(
              "unknown routing strategy " + name + ": use longest-idle, round-robin or fewest-calls");
    };
  }

  private static RoutingStrategy of(String name, Comparator<IdleAgent> order) {
    return new RoutingStrategy() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Comparator<IdleAgent> order() {
        return order;
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
