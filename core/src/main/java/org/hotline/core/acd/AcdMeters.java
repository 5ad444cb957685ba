package org.hotline.core.acd;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the ACD counts, for {@code /metrics}:
 *
 * <ul>
 *   <li>{@code hotline.acd.calls.enqueued}, {@code .calls.abandoned} (the caller hung up while
 *       waiting), {@code .calls.left} (the caller chose voicemail or a callback), {@code
 *       .calls.given.back{reason=full|max-wait|no-agents}} (the ACD gave the call back to its flow;
 *       not abandoned), {@code .calls.overflowed{reason=...}} (a queue passed the call to its
 *       overflow queue for that reason)
 *   <li>{@code hotline.acd.offers}, {@code .offers.answered}, {@code .offers.not.answered}, {@code
 *       .offers.answered.elsewhere} (ring-all: another agent was first)
 *   <li>{@code hotline.acd.agents.missed.breaks}
 *   <li>{@code hotline.acd.callbacks.enqueued}, {@code .callbacks.done}, {@code
 *       .callbacks.unreachable} (an attempt that did not reach the customer), {@code
 *       .callbacks.failed}
 * </ul>
 */
final class AcdMeters {
  final Counter enqueued;
  final Counter offered;
  final Counter answered;
  final Counter notAnswered;
  final Counter answeredElsewhere;
  final Counter abandoned;
  final Counter left;
  final Counter missedBreaks;
  final Counter callbacksEnqueued;
  final Counter callbacksDone;
  final Counter callbacksUnreachable;
  final Counter callbacksFailed;
  private final Map<QueueExit, Counter> givenBack = new EnumMap<>(QueueExit.class);
  private final Map<QueueExit, Counter> overflowed = new EnumMap<>(QueueExit.class);

  AcdMeters(MeterRegistry metrics) {
    enqueued = metrics.counter("hotline.acd.calls.enqueued");
    offered = metrics.counter("hotline.acd.offers");
    answered = metrics.counter("hotline.acd.offers.answered");
    notAnswered = metrics.counter("hotline.acd.offers.not.answered");
    answeredElsewhere = metrics.counter("hotline.acd.offers.answered.elsewhere");
    abandoned = metrics.counter("hotline.acd.calls.abandoned");
    left = metrics.counter("hotline.acd.calls.left");
    missedBreaks = metrics.counter("hotline.acd.agents.missed.breaks");
    callbacksEnqueued = metrics.counter("hotline.acd.callbacks.enqueued");
    callbacksDone = metrics.counter("hotline.acd.callbacks.done");
    callbacksUnreachable = metrics.counter("hotline.acd.callbacks.unreachable");
    callbacksFailed = metrics.counter("hotline.acd.callbacks.failed");
    for (QueueExit why : QueueExit.values()) {
      givenBack.put(why, metrics.counter("hotline.acd.calls.given.back", "reason", why.code()));
      overflowed.put(why, metrics.counter("hotline.acd.calls.overflowed", "reason", why.code()));
    }
  }

  Counter givenBack(QueueExit why) {
    return givenBack.get(why);
  }

  Counter overflowed(QueueExit why) {
    return overflowed.get(why);
  }
}
