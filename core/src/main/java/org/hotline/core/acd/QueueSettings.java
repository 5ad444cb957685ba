package org.hotline.core.acd;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.hotline.config.AcdSettings;

/**
 * The rules of one queue.
 *
 * @param strategy the name of its {@link RoutingStrategy} ({@code longest-idle}, ...)
 * @param ringTimeout how long an agent's phone rings for a call of this queue before the next agent
 *     is tried, 1 s to 5 min
 * @param wrapUp after-call work of an agent whose call came from this queue (zero: none)
 * @param weight how much waiting in this queue counts for an agent of several queues, 1 to 100:
 *     among the callers of equal priority at the heads of the agent's queues, the one with the
 *     largest {@code wait x weight} goes first (ties: the earlier arrival). It never beats priority
 *     and never reorders callers within the queue
 * @param maxWaiting callers the queue holds at most (waiting or ringing; callbacks do not count);
 *     one more is given back {@link QueueExit#FULL} at once (0: no limit)
 * @param maxWait how long a caller waits at most before being given back {@link QueueExit#MAX_WAIT}
 *     (zero: no limit)
 * @param joinWhenNoAgents whether callers join when none of the queue's agents is logged in (an
 *     agent on break, ringing or in wrap-up is logged in); when not, they are given back {@link
 *     QueueExit#NO_AGENTS} at once, and so are the callers waiting when the last agent logs out
 * @param serviceLevel the service-level threshold of {@link QueueStats#serviceLevel()}
 * @param overflow the queue a call moves to instead of going back to its flow when it hits one of
 *     the limits above (full, max wait, no agents), keeping its priority; empty: none. A call goes
 *     back to its flow when the overflow queue is one it has been in already, or when that queue
 *     has no overflow of its own and does not take it either
 */
public record QueueSettings(
    String strategy,
    Duration ringTimeout,
    Duration wrapUp,
    int weight,
    int maxWaiting,
    Duration maxWait,
    boolean joinWhenNoAgents,
    Duration serviceLevel,
    String overflow) {
  /** How a queue is named in queue settings and in agents' queues. */
  public static final Pattern QUEUE_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  /**
   * Longest idle, phones ring 15 s, no wrap-up, weight 1, no limits, calls join without agents, 20
   * s threshold, no overflow.
   */
  public static final QueueSettings DEFAULTS =
      new QueueSettings(
          "longest-idle",
          Duration.ofSeconds(15),
          Duration.ZERO,
          1,
          0,
          Duration.ZERO,
          true,
          Duration.ofSeconds(20),
          "");

  /**
   * @throws IllegalArgumentException for an unknown strategy or a value out of range
   */
  public QueueSettings {
    strategy = RoutingStrategy.named(Objects.requireNonNull(strategy, "strategy")).name();
    Objects.requireNonNull(ringTimeout, "ringTimeout");
    if (ringTimeout.compareTo(Duration.ofSeconds(1)) < 0
        || ringTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException(
          "a ring timeout is 1 s to 5 min, got " + ringTimeout.toSeconds() + " s");
    }
    Objects.requireNonNull(wrapUp, "wrapUp");
    Objects.requireNonNull(maxWait, "maxWait");
    Objects.requireNonNull(serviceLevel, "serviceLevel");
    if (wrapUp.isNegative()
        || maxWait.isNegative()
        || serviceLevel.isNegative()
        || serviceLevel.isZero()) {
      throw new IllegalArgumentException(
          "negative wrap-up or max wait, or a service level that is not positive");
    }
    if (weight < 1 || weight > 100) {
      throw new IllegalArgumentException("weight must be 1 to 100: " + weight);
    }
    if (maxWaiting < 0) {
      throw new IllegalArgumentException("negative max waiting: " + maxWaiting);
    }
    overflow = overflow == null ? "" : overflow;
    if (!overflow.isEmpty() && !QUEUE_NAME.matcher(overflow).matches()) {
      throw new IllegalArgumentException(
          "an overflow queue is named with lower-case letters, digits, - and _, got '"
              + overflow
              + "'");
    }
  }

  /** The defaults of every queue, as configured by {@code hotline.acd.*}. */
  public static QueueSettings from(AcdSettings s) {
    return new QueueSettings(
        s.strategy(),
        s.ringTimeout(),
        s.wrapUp(),
        s.weight(),
        s.maxWaiting(),
        s.maxWait(),
        s.joinWhenNoAgents(),
        s.serviceLevel(),
        "");
  }

  /** The routing strategy {@link #strategy} names. */
  public RoutingStrategy routing() {
    return RoutingStrategy.named(strategy);
  }

  public QueueSettings withStrategy(String strategy) {
    return new QueueSettings(
        strategy,
        ringTimeout,
        wrapUp,
        weight,
        maxWaiting,
        maxWait,
        joinWhenNoAgents,
        serviceLevel,
        overflow);
  }

  public QueueSettings withRingTimeout(Duration ringTimeout) {
    return new QueueSettings(
        strategy,
        ringTimeout,
        wrapUp,
        weight,
        maxWaiting,
        maxWait,
        joinWhenNoAgents,
        serviceLevel,
        overflow);
  }

  public QueueSettings withWrapUp(Duration wrapUp) {
    return new QueueSettings(
        strategy,
        ringTimeout,
        wrapUp,
        weight,
        maxWaiting,
        maxWait,
        joinWhenNoAgents,
        serviceLevel,
        overflow);
  }

  public QueueSettings withWeight(int weight) {
    return new QueueSettings(
        strategy,
        ringTimeout,
        wrapUp,
        weight,
        maxWaiting,
        maxWait,
        joinWhenNoAgents,
        serviceLevel,
        overflow);
  }

  public QueueSettings withMaxWaiting(int maxWaiting) {
    return new QueueSettings(
        strategy,
        ringTimeout,
        wrapUp,
        weight,
        maxWaiting,
        maxWait,
        joinWhenNoAgents,
        serviceLevel,
        overflow);
  }

  public QueueSettings withMaxWait(Duration maxWait) {
    return new QueueSettings(
        strategy,
        ringTimeout,
        wrapUp,
        weight,
        maxWaiting,
        maxWait,
        joinWhenNoAgents,
        serviceLevel,
        overflow);
  }

  public QueueSettings withJoinWhenNoAgents(boolean joinWhenNoAgents) {
    return new QueueSettings(
        strategy,
        ringTimeout,
        wrapUp,
        weight,
        maxWaiting,
        maxWait,
        joinWhenNoAgents,
        serviceLevel,
        overflow);
  }

  public QueueSettings withServiceLevel(Duration serviceLevel) {
    return new QueueSettings(
        strategy,
        ringTimeout,
        wrapUp,
        weight,
        maxWaiting,
        maxWait,
        joinWhenNoAgents,
        serviceLevel,
        overflow);
  }

  public QueueSettings withOverflow(String overflow) {
    return new QueueSettings(
        strategy,
        ringTimeout,
        wrapUp,
        weight,
        maxWaiting,
        maxWait,
        joinWhenNoAgents,
        serviceLevel,
        overflow);
  }
}
