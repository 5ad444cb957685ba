package org.hotline.core.callback;

import java.time.Instant;
import java.util.Objects;

/**
 * A caller's request to be called back instead of waiting on the line.
 *
 * @param id the request's id
 * @param callId the call it was made on
 * @param number the number to call back
 * @param queue the queue whose agent should call
 * @param priority the caller's priority in that queue
 * @param placeSince when the caller joined the queue: the place the callback keeps
 * @param requestedAt when the caller asked
 * @param attempts times the customer was dialled and not reached so far
 */
public record CallbackRequest(
    long id,
    String callId,
    String number,
    String queue,
    int priority,
    Instant placeSince,
    Instant requestedAt,
    int attempts) {
  public CallbackRequest {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(placeSince, "placeSince");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }

  /** A request not yet attempted. */
  public CallbackRequest(
      long id,
      String callId,
      String number,
      String queue,
      int priority,
      Instant placeSince,
      Instant requestedAt) {
    this(id, callId, number, queue, priority, placeSince, requestedAt, 0);
  }
}
