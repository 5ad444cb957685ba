package org.hotline.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * ACD settings: the rules of every queue that has no settings of its own, and the ACD's global
 * rules.
 *
 * @param ringTimeout how long an agent's phone rings before the next agent
 * @param strategy routing strategy of every queue: one of {@link #STRATEGIES}
 * @param wrapUp after-call work before an agent is available again (zero: none)
 * @param maxMissed offers in a row an agent may leave unanswered before a break (0: never)
 * @param weight how much a queue's waiting time counts when an agent of several queues picks a
 *     call: effective wait = wait x weight (1 to 100)
 * @param maxWaiting callers a queue holds at most; one more is given back at once (0: no limit)
 * @param maxWait how long a caller waits at most before being given back (zero: no limit)
 * @param joinWhenNoAgents whether a call joins a queue none of whose agents is logged in
 * @param serviceLevel the service-level threshold: answered within it counts as in time
 * @param breakReasons the reasons an agent may give for a break ({@code missed}, the automatic
 *     break, is always allowed besides)
 * @param callbackAttempts how many times a callback's customer is dialled before it fails
 * @param callbackRetry how long a callback whose customer could not be reached waits before the
 *     next attempt
 */
public record AcdSettings(
    Duration ringTimeout,
    String strategy,
    Duration wrapUp,
    int maxMissed,
    int weight,
    int maxWaiting,
    Duration maxWait,
    boolean joinWhenNoAgents,
    Duration serviceLevel,
    List<String> breakReasons,
    int callbackAttempts,
    Duration callbackRetry) {
  /** The routing strategies {@code strategy} may name. */
  public static final Set<String> STRATEGIES =
      Set.of("longest-idle", "round-robin", "fewest-calls", "skills", "ring-all");

  /** The break reason of the automatic break after {@code maxMissed} missed offers. */
  public static final String MISSED = "missed";

  /** The break reasons when none are configured. */
  public static final List<String> DEFAULT_BREAK_REASONS =
      List.of("lunch", "meeting", "training", "personal");

  public AcdSettings {
    Objects.requireNonNull(strategy, "strategy");
    breakReasons = List.copyOf(breakReasons);
  }

  /**
   * Ring timeout, strategy, wrap-up and missed limit as given; the other settings at their
   * defaults.
   */
  public AcdSettings(Duration ringTimeout, String strategy, Duration wrapUp, int maxMissed) {
    this(
        ringTimeout,
        strategy,
        wrapUp,
        maxMissed,
        1,
        0,
        Duration.ZERO,
        true,
        Duration.ofSeconds(20),
        DEFAULT_BREAK_REASONS,
        1,
        Duration.ofMinutes(5));
  }

  /** Ring timeout {@code ringTimeout}, the other settings at their defaults. */
  public AcdSettings(Duration ringTimeout) {
    this(ringTimeout, "longest-idle", Duration.ZERO, 3);
  }
}
