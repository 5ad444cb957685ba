package org.hotline.core.acd;

import java.util.concurrent.CompletionStage;

/**
 * Rings an agent for a call: implemented by the signalling layer. Must return at once; the stage
 * completes when the agent answered, did not, or the caller left.
 */
public interface AgentConnector {
  CompletionStage<OfferResult> offer(Offer offer);
}
