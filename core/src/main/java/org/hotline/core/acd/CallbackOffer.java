package org.hotline.core.acd;

import java.time.Duration;
import java.util.Objects;
import org.hotline.core.agent.Agent;
import org.hotline.core.callback.CallbackRequest;

/**
 * The ACD's decision that {@code agent} serves the callback {@code request}, whose turn came: the
 * signalling layer rings the agent first (for at most {@code ringTimeout}, the queue's) and, once
 * they answer, calls the customer back.
 */
public record CallbackOffer(CallbackRequest request, Agent agent, Duration ringTimeout) {
  public CallbackOffer {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(ringTimeout, "ringTimeout");
  }
}
