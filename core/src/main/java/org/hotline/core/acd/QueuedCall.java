package org.hotline.core.acd;

/**
 * A call asking the ACD for an agent.
 *
 * @param callId the call
 * @param queue the queue it joins
 * @param priority lower is served first (0 = VIP)
 * @param callerNumber shown to the agent
 */
public record QueuedCall(String callId, String queue, int priority, String callerNumber) {}
