package org.hotline.core.acd;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hotline.config.AcdSettings;

/**
 * The ACD's rules: the settings of every queue (the defaults, and the queues with their own), and
 * the rules that are the same everywhere. Immutable; {@link Acd#configure} swaps in a changed one.
 *
 * @param defaults the settings of every queue not in {@code queues}
 * @param queues queues with settings of their own, by name
 * @param maxMissed offers in a row an agent may leave unanswered before going on break with reason
 *     {@value AcdSettings#MISSED} (0: never)
 * @param breakReasons the reasons an agent may give for a break
 * @param callbackAttempts how many times a callback's customer is dialled before it fails
 * @param callbackRetry how long a callback whose customer was not reached waits before the next
 *     attempt
 */
public record AcdPolicy(
    QueueSettings defaults,
    Map<String, QueueSettings> queues,
    int maxMissed,
    List<String> breakReasons,
    int callbackAttempts,
    Duration callbackRetry) {
  /**
   * {@link QueueSettings#DEFAULTS} everywhere, break after 3 missed offers, one callback attempt.
   */
  public static final AcdPolicy DEFAULTS =
      new AcdPolicy(
          QueueSettings.DEFAULTS,
          Map.of(),
          3,
          AcdSettings.DEFAULT_BREAK_REASONS,
          1,
          Duration.ofMinutes(5));

  public AcdPolicy {
    Objects.requireNonNull(defaults, "defaults");
    queues = Map.copyOf(queues);
    breakReasons = List.copyOf(breakReasons);
    Objects.requireNonNull(callbackRetry, "callbackRetry");
    if (maxMissed < 0 || callbackAttempts < 1 || callbackRetry.isNegative()) {
      throw new IllegalArgumentException(
          "negative max missed or callback retry, or no callback attempt");
    }
  }

  /** The policy configured by {@code settings}, every queue with the defaults. */
  public static AcdPolicy from(AcdSettings settings) {
    return from(settings, Map.of());
  }

  /** The policy configured by {@code settings}, with the stored settings of single queues. */
  public static AcdPolicy from(AcdSettings settings, Map<String, QueueSettings> queues) {
    return new AcdPolicy(
        QueueSettings.from(settings),
        queues,
        settings.maxMissed(),
        settings.breakReasons(),
        settings.callbackAttempts(),
        settings.callbackRetry());
  }

  /** The settings of {@code queue}: its own, else the defaults. */
  public QueueSettings settingsOf(String queue) {
    return queues.getOrDefault(queue, defaults);
  }

  /** The strategy of {@code queue}. */
  public RoutingStrategy strategyOf(String queue) {
    return settingsOf(queue).routing();
  }

  /** The wrap-up of an agent whose call came from {@code queue}. */
  public Duration wrapUpOf(String queue) {
    return settingsOf(queue).wrapUp();
  }

  /** This policy with {@code defaults} as the settings of every queue without its own. */
  public AcdPolicy withDefaults(QueueSettings defaults) {
    return new AcdPolicy(
        defaults, queues, maxMissed, breakReasons, callbackAttempts, callbackRetry);
  }

  /** This policy with a break after {@code maxMissed} missed offers in a row (0: never). */
  public AcdPolicy withMaxMissed(int maxMissed) {
    return new AcdPolicy(
        defaults, queues, maxMissed, breakReasons, callbackAttempts, callbackRetry);
  }

  /** This policy with {@code attempts} callback attempts, {@code retry} apart. */
  public AcdPolicy withCallbackAttempts(int attempts, Duration retry) {
    return new AcdPolicy(defaults, queues, maxMissed, breakReasons, attempts, retry);
  }

  /** This policy with {@code queue} set to {@code settings}. */
  public AcdPolicy with(String queue, QueueSettings settings) {
    Map<String, QueueSettings> changed = new HashMap<>(queues);
    changed.put(queue, Objects.requireNonNull(settings, "settings"));
    return new AcdPolicy(
        defaults, changed, maxMissed, breakReasons, callbackAttempts, callbackRetry);
  }

  /** This policy with {@code queue} back on the defaults. */
  public AcdPolicy without(String queue) {
    Map<String, QueueSettings> changed = new HashMap<>(queues);
    changed.remove(queue);
    return new AcdPolicy(
        defaults, changed, maxMissed, breakReasons, callbackAttempts, callbackRetry);
  }

  /**
   * Checks a break reason an agent gave.
   *
   * @throws IllegalArgumentException naming the allowed reasons when {@code reason} is not one
   */
  public void requireBreakReason(String reason) {
    if (reason == null || !breakReasons.contains(reason)) {
      throw new IllegalArgumentException(
          "unknown break reason " + reason + ": use one of " + String.join(", ", breakReasons));
    }
  }
}
