package org.hotline.core.acd;

import java.util.Comparator;
import java.util.Locale;

/**
 * How a queue picks among its free agents: an order over them, best first. The ACD keeps each
 * queue's free agents in a sorted set with this order, so picking one costs O(log n); the order may
 * therefore only use what does not change while an agent is free ({@link IdleAgent}).
 */
public interface RoutingStrategy {
  /** The agent idle the longest first: the default. */
  RoutingStrategy LONGEST_IDLE = new LongestIdle();

  /** The agent offered a call longest ago (or never) first: agents take turns. */
  RoutingStrategy ROUND_ROBIN = new RoundRobin();

  /** The agent who answered the fewest calls since midnight first, then the longest idle. */
  RoutingStrategy FEWEST_CALLS = new FewestCallsToday();

  /** The agent with the highest skill level in the queue first, then the longest idle. */
  RoutingStrategy SKILLS = new BestSkill();

  /** Every free agent of the queue rings at once; the first to answer takes the call. */
  RoutingStrategy RING_ALL = new RingAll();

  /** The name used in configuration, e.g. {@code longest-idle}. */
  String name();

  /** Best agent first among the free agents of {@code queue}; a total order (ties broken by id). */
  Comparator<IdleAgent> order(String queue);

  /**
   * Whether a call is offered to every free agent of the queue at once rather than to the first in
   * {@link #order}. The connector completes the other offers {@link OfferResult#ANSWERED_ELSEWHERE}
   * once one agent answered.
   */
  default boolean ringsAll() {
    return false;
  }

  /**
   * The strategy called {@code name}: {@code longest-idle}, {@code round-robin}, {@code
   * fewest-calls}, {@code skills} or {@code ring-all}.
   *
   * @throws IllegalArgumentException for any other name
   */
  static RoutingStrategy named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "longest-idle" -> LONGEST_IDLE;
      case "round-robin" -> ROUND_ROBIN;
      case "fewest-calls" -> FEWEST_CALLS;
      case "skills" -> SKILLS;
      case "ring-all" -> RING_ALL;
      default ->
          throw new IllegalArgumentException(
              "unknown routing strategy "
                  + name
                  + ": use longest-idle, round-robin, fewest-calls, skills or ring-all");
    };
  }
}
