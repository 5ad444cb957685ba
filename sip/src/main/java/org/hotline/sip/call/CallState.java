package org.hotline.sip.call;

/**
 * Where an inbound call is in its life. The moves between states, and the {@link CallTrigger} that
 * makes each one, are {@link CallStateMachine}'s table.
 */
enum CallState {
  /** The INVITE is being answered. */
  ANSWERING,
  /** Answered; the flow (IVR) has the caller. */
  IVR,
  /** Waiting in a queue for the ACD. */
  QUEUED,
  /** The ACD rings one agent, or several at once (ring-all). */
  OFFERING,
  /** A transfer rings its target: from the flow, or from an agent's desktop. */
  TRANSFERRING,
  /** The caller talks to an agent (or a transfer's target). */
  CONNECTED,
  /** Both legs are being hung up and the CDR stored. */
  ENDING,
  /** The CDR is stored: the call is over. */
  FINISHED;

  /** Whether the call is still on (not ending, not finished). */
  boolean isActive() {
    return this != ENDING && this != FINISHED;
  }
}
