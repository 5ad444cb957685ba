package org.hotline.core.report;

import java.util.Map;

/**
 * One agent's figures for a range. Times are in seconds.
 *
 * @param agentId the agent
 * @param callsHandled answered calls (callback attempts included) of the range the agent took
 * @param talkSeconds their talk time, hold excluded
 * @param holdSeconds their hold time
 * @param wrapUpSeconds the wrap-up that followed them
 * @param averageHandleTime (talk + hold + wrap-up) / calls handled; null without calls
 * @param stateSeconds time in each state ({@code available}, {@code reserved}, {@code on_call},
 *     {@code wrap_up}, {@code break}, {@code logged_out}) within the range
 * @param occupancy (on_call + wrap_up) / (available + reserved + on_call + wrap_up) state time;
 *     null when the agent was never in those states
 */
public record AgentFigures(
    String agentId,
    long callsHandled,
    long talkSeconds,
    long holdSeconds,
    double wrapUpSeconds,
    Double averageHandleTime,
    Map<String, Double> stateSeconds,
    Double occupancy) {
  public AgentFigures {
    stateSeconds = Map.copyOf(stateSeconds);
  }
}
