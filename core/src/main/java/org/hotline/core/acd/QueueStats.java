package org.hotline.core.acd;

import java.util.Map;
import org.hotline.core.agent.AgentState;

/**
 * One queue's real-time figures, for {@code GET /api/queues} and the wallboard.
 *
 * @param queue the queue
 * @param waiting callers in the queue not yet answered (waiting, or ringing an agent)
 * @param longestWaitSeconds how long the earliest of them has waited, 0 when none
 * @param agents the queue's agents by state (every state present, zero when none)
 * @param offered calls that entered the queue today (in the server's zone)
 * @param answered calls answered by an agent today
 * @param abandoned calls whose caller left before an agent answered, today
 */
public record QueueStats(
    String queue, int waiting, long longestWaitSeconds, Map<AgentState, Integer> agents, long offered, long answered, long abandoned) {
  public QueueStats {
    agents = Map.copyOf(agents);
  }
}
