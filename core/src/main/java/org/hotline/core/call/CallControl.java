package org.hotline.core.call;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** What an agent's desktop may do to the agent's calls: implemented by the call layer. */
public interface CallControl {

  /**
   * Ends the call {@code agentId} is connected on, as if the agent had hung up their phone: both
   * phones get BYE and the CDR is written (cause {@code agent-hangup}).
   *
   * @return the call's id, or empty when the agent is on no call
   */
  CompletableFuture<Optional<String>> hangup(String agentId);

  /**
   * Puts the agent's connected call on hold ({@code hold} true) or takes it off: while held the
   * caller hears music on hold and the agent hears nothing of the caller; the time counts as the
   * CDR's hold time. Holding a held call (or resuming one not held) changes nothing and is done.
   */
  CompletableFuture<ControlResult> hold(String agentId, boolean hold);

  /**
   * Blind transfer of the agent's connected call to {@code queue}: the agent's phone gets BYE and
   * their part of the call is recorded (cause {@code transferred}); the caller waits in the queue
   * with its music, as a new part of the call whose CDR follows when it ends.
   */
  CompletableFuture<ControlResult> transferToQueue(String agentId, String queue);

  /**
   * Blind transfer of the agent's connected call to agent {@code targetAgentId}, who must be
   * available: their phone rings at once, reserved for this call. When they do not answer, the
   * caller waits in the queue the call came from.
   */
  CompletableFuture<ControlResult> transferToAgent(String agentId, String targetAgentId);

  /**
   * Click-to-call: rings the agent's phone and, once they answer, calls {@code number} through the
   * outbound route and bridges the two. The agent must be available; they are reserved at once.
   * Done means the agent's phone rings; the result's call id is the new call's.
   */
  CompletableFuture<ControlResult> dial(String agentId, String number);
}
