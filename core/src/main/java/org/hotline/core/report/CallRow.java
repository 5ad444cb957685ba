package org.hotline.core.report;

import java.time.Instant;

/**
 * One call behind a report figure: its CDR, with its hold time and its caller's customer level.
 *
 * @param callId the call's id
 * @param caller the caller's number as received
 * @param dialed the dialed number ({@code callback} for a callback attempt)
 * @param ivrChoice the last key chosen in the IVR, or null
 * @param queue the queue the call joined, or null
 * @param agentId the agent who answered or was last offered it, or null
 * @param arrivedAt when it arrived
 * @param answeredAt when the IVR answered it, or null
 * @param endedAt when it ended
 * @param waitSeconds seconds queued
 * @param talkSeconds seconds connected to an agent, hold included
 * @param holdSeconds seconds of that on hold
 * @param outcome {@code answered}, {@code abandoned}, {@code ivr-hangup} or {@code failed}
 * @param hangupCause who or what ended it
 * @param region where the caller's number is from, or null
 * @param level the caller's customer level, or null when the number is no customer's
 */
public record CallRow(
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
    long holdSeconds,
    String outcome,
    String hangupCause,
    String region,
    String level) {}
