package org.hotline.sip.call;

/** What moves an inbound call from one {@link CallState} to the next. */
enum CallTrigger {
  /** Our 200 OK went to the caller: the flow starts. */
  ANSWERED,
  /** The flow put the call in a queue. */
  ENQUEUED,
  /** The ACD offers the call to an agent, whose phone rings. */
  OFFERED,
  /** The caller left the queue by the flow's choice (a key pressed while waiting). */
  LEFT_QUEUE,
  /** The ACD gave the waiting call back to its flow (queue full, longest wait, no agent). */
  GIVEN_BACK,
  /** The last phone ringing for the call stopped without an answer. */
  RINGING_FAILED,
  /** An agent (or a transfer's target) answered: the legs are bridged. */
  AGENT_ANSWERED,
  /** The flow transfers the caller: the target rings. */
  TRANSFER_RINGING,
  /** The agent transferred the call from their desktop to a queue. */
  DESK_TO_QUEUE,
  /** The agent transferred the call from their desktop to another agent, who rings. */
  DESK_TO_AGENT,
  /** The call ends: a BYE, a CANCEL, the flow's hang-up, a dead peer, shutdown. */
  ENDED,
  /** The ended call's CDR is stored. */
  RECORDED
}
