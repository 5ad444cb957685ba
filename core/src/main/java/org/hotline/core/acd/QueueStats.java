package org.hotline.core.acd;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.hotline.core.agent.AgentState;

/**
 * One queue's real-time figures, for {@code GET /api/queues}, the wallboard and {@link
 * org.hotline.core.event.QueueEvent.StatsChanged}. "Today" is since midnight in the server's zone.
 *
 * @param queue the queue
 * @param waiting callers in the queue not yet answered (waiting, or ringing an agent); callbacks
 *     are not callers on the line and count in {@code callbacks}
 * @param longestWaitSeconds how long the earliest of those callers has waited, 0 when none
 * @param agents the queue's agents by state (every state present, zero when none)
 * @param offered calls that entered the queue today (not those turned away full or without agents)
 * @param answered calls answered by an agent today
 * @param abandoned calls whose caller hung up before an agent answered, today
 * @param givenBack calls the ACD gave back to their flow today (full, max wait, no agents); not
 *     abandoned
 * @param overflowed calls the queue passed to its overflow queue today, for the same reasons;
 *     counted as offered there too
 * @param callbacks callback requests waiting in the queue for an agent
 * @param serviceLevel the share of today's answered calls answered in time, from 0 to 1: calls
 *     answered within {@code serviceLevelThreshold} divided by calls answered. This is the standard
 *     definition of docs/metrics.md, the one the reports' {@code serviceLevel} uses too, so the
 *     wallboard and the reports agree on a day. 1 while no call is answered: a figure to show only
 *     when {@code answered} is above 0 (the wallboard shows "—" then)
 * @param serviceLevelThreshold the queue's threshold ({@link QueueSettings#serviceLevel()})
 */
public record QueueStats(
    String queue,
    int waiting,
    long longestWaitSeconds,
    Map<AgentState, Integer> agents,
    long offered,
    long answered,
    long abandoned,
    long givenBack,
    long overflowed,
    int callbacks,
    double serviceLevel,
    Duration serviceLevelThreshold) {
  public QueueStats {
    agents = Map.copyOf(agents);
    Objects.requireNonNull(serviceLevelThreshold, "serviceLevelThreshold");
  }
}
