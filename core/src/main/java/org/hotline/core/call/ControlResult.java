package org.hotline.core.call;

import java.util.Objects;

/**
 * How a desktop's call command went.
 *
 * @param status done, or why not
 * @param callId the call it acted on (for {@code dial}, the new call); null when none
 */
public record ControlResult(Status status, String callId) {

  /** Why a command did nothing, or that it was done. */
  public enum Status {
    /** Done. */
    DONE,
    /** The agent is on no connected call. */
    NOT_ON_A_CALL,
    /** No agent serves the queue named, or the ACD does not know it. */
    UNKNOWN_QUEUE,
    /** The agent named is unknown, not logged in, without a phone, or busy. */
    AGENT_UNAVAILABLE,
    /** The agent asking is not free to start a call (on a call, ringing, logged out). */
    NOT_AVAILABLE,
    /** No outbound route to dial a number through ({@code hotline.sip.trunk}). */
    NO_ROUTE
  }

  public ControlResult {
    Objects.requireNonNull(status, "status");
  }

  public static ControlResult done(String callId) {
    return new ControlResult(Status.DONE, callId);
  }

  public static ControlResult not(Status why) {
    return new ControlResult(why, null);
  }

  public boolean isDone() {
    return status == Status.DONE;
  }
}
