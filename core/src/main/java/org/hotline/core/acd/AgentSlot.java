package org.hotline.core.acd;

import java.time.Instant;
import org.hotline.core.agent.Agent;
import org.hotline.core.agent.AgentState;

/** The ACD's live view of one agent; touched only on the ACD's thread. */
final class AgentSlot implements IdleAgent {
  /** As configured; replaced by {@link Acd#updateAgent} (only while the agent is not free). */
  Agent agent;

  AgentState state = AgentState.LOGGED_OUT;

  /** When the agent last became idle: longest idle first. */
  Instant idleSince = Instant.EPOCH;

  /** The agent's phone is registered. */
  boolean registered;

  /** The agent logged out (while registered): a registration does not make them available. */
  boolean loggedOut;

  /**
   * Why the agent logs out when the current call (and wrap-up) ends ({@code unregistered}, {@code
   * logout}, {@code removed}); null for none.
   */
  String logoutAfterCall;

  /** The break the agent asked for while on a call, taken when it ends; null for none. */
  String breakAfterCall;

  /** Calls answered today; reset at midnight while out of the free sets. */
  long callsToday;

  long lastOffered;

  /** Offers left unanswered in a row. */
  int missedInRow;

  /** The queue of the call the agent is on (or last was). */
  String callQueue;

  /** {@link Acd#removeAgent}: forget the agent once logged out. */
  boolean removed;

  /** Counts wrap-ups, so a timer of an earlier one does nothing. */
  long wrapUps;

  AgentSlot(Agent agent) {
    this.agent = agent;
  }

  boolean loggedIn() {
    return state != AgentState.LOGGED_OUT;
  }

  @Override
  public String id() {
    return agent.id();
  }

  @Override
  public Instant idleSince() {
    return idleSince;
  }

  @Override
  public long callsToday() {
    return callsToday;
  }

  @Override
  public long lastOffered() {
    return lastOffered;
  }

  @Override
  public int level(String queue) {
    return agent.level(queue);
  }
}
