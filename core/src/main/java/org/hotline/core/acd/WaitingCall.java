package org.hotline.core.acd;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.hotline.core.callback.CallbackRequest;

/**
 * Something in a queue waiting for an agent: a caller on the line, or a callback request keeping
 * the caller's place. Waiting, or being offered (ringing one agent, or several with ring-all).
 * Touched only on the ACD's thread.
 */
final class WaitingCall {
  /**
   * The call; for a callback, a stand-in with id {@code callback-<id>} and the customer's number.
   */
  final QueuedCall call;

  /** The callback request this is, or null for a caller on the line. */
  final CallbackRequest callback;

  /**
   * Arrival order across all queues: equal priorities and arrival times go first come, first
   * served.
   */
  final long sequence;

  /** When the caller joined the queue: now for a call, the kept place for a callback. */
  final Instant arrivedAt;

  /** The queues the call overflowed from to get here, which it does not overflow to again. */
  final Set<String> beenIn;

  /** Agents who just did not answer this call, with when they may be tried again. */
  final Map<String, Instant> skipUntil = new HashMap<>();

  /** The agents being rung for it: none while waiting, several with ring-all. */
  final Set<String> ringing = new HashSet<>(2);

  /** The caller chose to leave (voicemail, callback): not abandoned when the offer ends. */
  boolean left;

  /** An agent answered: the other offers of a ring-all end without effect. */
  boolean answered;

  /** A callback waiting for its next attempt is offered to no one before this. */
  Instant notBefore = Instant.MIN;

  /** Times a callback's customer was dialled and not reached. */
  int attempts;

  WaitingCall(QueuedCall call, long sequence, Instant arrivedAt, Set<String> beenIn) {
    this(call, null, sequence, arrivedAt, beenIn);
  }

  WaitingCall(QueuedCall call, CallbackRequest callback, long sequence, Instant arrivedAt) {
    this(call, callback, sequence, arrivedAt, Set.of());
  }

  private WaitingCall(
      QueuedCall call,
      CallbackRequest callback,
      long sequence,
      Instant arrivedAt,
      Set<String> beenIn) {
    this.call = call;
    this.callback = callback;
    this.sequence = sequence;
    this.arrivedAt = arrivedAt;
    this.beenIn = beenIn;
    this.attempts = callback == null ? 0 : callback.attempts();
  }

  /** The key of a callback among the ACD's calls; never a SIP call id. */
  static String keyOf(CallbackRequest request) {
    return "callback-" + request.id();
  }

  boolean isCallback() {
    return callback != null;
  }

  boolean isOffered() {
    return !ringing.isEmpty();
  }

  boolean mayOffer(String agentId, Instant now) {
    if (now.isBefore(notBefore)) {
      return false;
    }
    Instant until = skipUntil.get(agentId);
    return until == null || !now.isBefore(until);
  }
}
