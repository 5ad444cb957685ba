package org.hotline.core.cdr;

import java.time.Instant;
import org.hotline.core.call.Call;
import org.hotline.core.call.CallOutcome;

/**
 * A call detail record: one row per finished call.
 *
 * @param callId the call's id (the caller leg's SIP Call-ID)
 * @param caller the caller's number as received
 * @param dialed the dialed number
 * @param ivrChoice the last key chosen in the IVR, or null
 * @param queue the queue the call joined (the last one, when it overflowed to another), or null
 * @param agentId the agent who answered (or was last offered the call), or null
 * @param arrivedAt when the INVITE arrived
 * @param answeredAt when the IVR answered, or null
 * @param endedAt when the call ended
 * @param waitSeconds seconds queued before an agent answered (or until the end)
 * @param talkSeconds seconds connected to an agent
 * @param outcome answered, abandoned, ivr-hangup or failed
 * @param hangupCause who or what ended the call ({@code caller-bye}, {@code agent-bye}, ...)
 * @param region where the caller's number is from: city or province, the country for a foreign
 *     number, in the configured language; null when unknown (withheld or invalid number)
 * @param carrier the caller's mobile carrier; null for fixed lines and when unknown
 * @param disposition the agent's wrap-up code ({@code sale}, {@code complaint}, ...), or null
 * @param notes the agent's wrap-up notes, or null
 * @param holdSeconds seconds the caller spent on hold while connected (counted in {@code
 *     talkSeconds} too)
 */
public record Cdr(
    String callId,
    String caller,
    String dialed,
    String ivrChoice,
    String queue,
    String agentId,
    Instant arrivedAt,
    Instant answeredAt,
    Instant endedAt,
    long waitSeconds,
    long talkSeconds,
    CallOutcome outcome,
    String hangupCause,
    String region,
    String carrier,
    String disposition,
    String notes,
    long holdSeconds) {

  /** A CDR without hold time. */
  public Cdr(
      String callId,
      String caller,
      String dialed,
      String ivrChoice,
      String queue,
      String agentId,
      Instant arrivedAt,
      Instant answeredAt,
      Instant endedAt,
      long waitSeconds,
      long talkSeconds,
      CallOutcome outcome,
      String hangupCause,
      String region,
      String carrier,
      String disposition,
      String notes) {
    this(
        callId,
        caller,
        dialed,
        ivrChoice,
        queue,
        agentId,
        arrivedAt,
        answeredAt,
        endedAt,
        waitSeconds,
        talkSeconds,
        outcome,
        hangupCause,
        region,
        carrier,
        disposition,
        notes,
        0);
  }

  /** The CDR of an ended call, not yet located nor wrapped up. */
  public static Cdr of(Call call) {
    if (!call.isEnded()) {
      throw new IllegalStateException("call " + call.id() + " has not ended");
    }
    return new Cdr(
        call.id(),
        call.callerNumber(),
        call.dialedNumber(),
        call.ivrChoice(),
        call.queue(),
        call.agentId(),
        call.arrivedAt(),
        call.answeredAt(),
        call.endedAt(),
        call.waitSeconds(),
        call.talkSeconds(),
        call.outcome(),
        call.hangupCause(),
        null,
        null,
        null,
        null,
        call.holdSeconds());
  }

  /** This CDR with the caller's {@code region} and {@code carrier} (null when unknown). */
  public Cdr withLocation(String region, String carrier) {
    return new Cdr(
        callId,
        caller,
        dialed,
        ivrChoice,
        queue,
        agentId,
        arrivedAt,
        answeredAt,
        endedAt,
        waitSeconds,
        talkSeconds,
        outcome,
        hangupCause,
        region,
        carrier,
        disposition,
        notes,
        holdSeconds);
  }

  /** This CDR with the agent's wrap-up. */
  public Cdr withWrapUp(String disposition, String notes) {
    return new Cdr(
        callId,
        caller,
        dialed,
        ivrChoice,
        queue,
        agentId,
        arrivedAt,
        answeredAt,
        endedAt,
        waitSeconds,
        talkSeconds,
        outcome,
        hangupCause,
        region,
        carrier,
        disposition,
        notes,
        holdSeconds);
  }
}
