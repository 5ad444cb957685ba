package org.hotline.core.call;

import java.util.Objects;

/**
 * How a desktop's call command went.
 *
 * @param status done, or why not
 * @param callId the call it acted on (for {@code dial}, the new call); null when none
 * @param reason why not, in words of the moment, for {@link Status#DIAL_NOT_ALLOWED}; null
 *     otherwise
 */
public record ControlResult(Status status, String callId, String reason) {

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
    NO_ROUTE,
    /** The dial policy ({@code hotline.dial.allow}) refuses the number; the reason says why. */
    DIAL_NOT_ALLOWED
  }

  public ControlResult {
    Objects.requireNonNull(status, "status");
  }

  public static ControlResult done(String callId) {
    return new ControlResult(Status.DONE, callId, null);
  }

  public static ControlResult not(Status why) {
    return new ControlResult(why, null, null);
  }

  /** The number may not be dialled, for {@code reason} (the dial policy's). */
  public static ControlResult dialNotAllowed(String reason) {
    return new ControlResult(
        Status.DIAL_NOT_ALLOWED, null, Objects.requireNonNull(reason, "reason"));
  }

  public boolean isDone() {
    return status == Status.DONE;
  }
}
