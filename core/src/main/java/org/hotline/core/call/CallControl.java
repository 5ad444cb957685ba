package org.hotline.core.call;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** What an agent's desktop may do to the call the agent is on: implemented by the call layer. */
public interface CallControl {

  /**
   * Ends the call {@code agentId} is connected on, as if the agent had hung up their phone: both
   * phones get BYE and the CDR is written (cause {@code agent-hangup}).
   *
   * @return the call's id, or empty when the agent is on no call
   */
  CompletableFuture<Optional<String>> hangup(String agentId);
}
