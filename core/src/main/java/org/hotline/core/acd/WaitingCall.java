package org.hotline.core.acd;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A call in the ACD: waiting in a queue or being offered; touched only on the ACD's thread. */
final class WaitingCall {
  final QueuedCall call;
  /** Arrival order across all queues, so equal priorities are served first come, first served. */
  final long sequence;
  /** Agents who just did not answer this call, with when they may be tried again. */
  final Map<String, Instant> skipUntil = new HashMap<>();
  /** When the call entered the ACD. */
  final Instant arrivedAt;
  /** The agent being rung, or null while waiting. */
  String offeredTo;
  /** The caller chose to leave (voicemail, callback): not abandoned when the offer ends. */
  boolean left;

  WaitingCall(QueuedCall call, long sequence, Instant arrivedAt) {
    this.call = call;
    this.sequence = sequence;
    this.arrivedAt = arrivedAt;
  }

  boolean mayOffer(String agentId, Instant now) {
    Instant until = skipUntil.get(agentId);
    return until == null || !now.isBefore(until);
  }
}
