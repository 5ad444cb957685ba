package org.hotline.core.acd;

import java.util.Map;
import org.hotline.core.agent.AgentState;

/**
 * The ACD's state at one moment.
 *
 * @param waitingByQueue calls and callbacks waiting for an agent (not being offered) per queue
 * @param agentStates each agent's state by id
 * @param queues real-time figures per queue, by queue name
 */
public record AcdSnapshot(
    Map<String, Integer> waitingByQueue,
    Map<String, AgentState> agentStates,
    Map<String, QueueStats> queues) {
  public AcdSnapshot {
    waitingByQueue = Map.copyOf(waitingByQueue);
    agentStates = Map.copyOf(agentStates);
    queues = Map.copyOf(queues);
  }

  /** A snapshot without per-queue figures. */
  public AcdSnapshot(Map<String, Integer> waitingByQueue, Map<String, AgentState> agentStates) {
    this(waitingByQueue, agentStates, Map.of());
  }
}
