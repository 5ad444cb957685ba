package org.hotline.core.event;

import java.time.Instant;
import org.hotline.core.cdr.Cdr;

/** A step in a call's life. */
public sealed interface CallEvent extends HotlineEvent {
  String callId();

  /** An INVITE arrived for a served number. */
  record Arrived(String callId, String caller, String dialed, Instant at) implements CallEvent {}

  /** The call joined a queue. */
  record Queued(String callId, String queue, int priority, Instant at) implements CallEvent {}

  /**
   * The call is offered to an agent: their phone rings.
   *
   * @param ivrChoice the caller's path through the IVR menus ({@code 2>1}), or null
   * @param queuedAt when the caller joined the queue (a callback: the place they kept)
   */
  record Offered(
      String callId,
      String agentId,
      String queue,
      String caller,
      String ivrChoice,
      Instant queuedAt,
      Instant at)
      implements CallEvent {}

  /** The agent answered. */
  record Connected(String callId, String agentId, Instant at) implements CallEvent {}

  /**
   * The connected call was put on hold ({@code held} true) or taken off it, from the agent's
   * desktop or by a phone's re-INVITE.
   */
  record Held(String callId, String agentId, boolean held, Instant at) implements CallEvent {}

  /** The call is over and its CDR is committed. */
  record Finished(String callId, Cdr cdr, Instant at) implements CallEvent {}
}
