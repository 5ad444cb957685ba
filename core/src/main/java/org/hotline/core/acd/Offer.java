package org.hotline.core.acd;

import org.hotline.core.agent.Agent;

/** The ACD's decision to ring {@code agent} for {@code call}. */
public record Offer(QueuedCall call, Agent agent) {}
