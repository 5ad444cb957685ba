package org.hotline.core.acd;

import java.time.Duration;
import org.hotline.core.agent.Agent;

/**
 * The ACD's decision to ring {@code agent} for {@code call}, for at most {@code ringTimeout} (the
 * queue's {@link QueueSettings#ringTimeout()}).
 */
public record Offer(QueuedCall call, Agent agent, Duration ringTimeout) {}
