package org.hotline.core.acd;

import java.time.Instant;
import org.hotline.core.agent.Agent;
import org.hotline.core.agent.AgentState;

/** The ACD's live view of one agent; touched only on the ACD's thread. */
final class AgentSlot implements IdleAgent {
  final Agent agent;
  AgentState state = AgentState.LOGGED_OUT;
  /** When the agent last became idle: longest idle first. */
  Instant idleSince = Instant.EPOCH;
  /** The agent's registration ended while on a call: log out when the call ends. */
  boolean logoutAfterCall;
  long callsAnswered;
  long lastOffered;
  /** Offers left unanswered in a row. */
  int missedInRow;
  /** The queue of the call the agent is on (or last was). */
  String callQueue;
  /** Counts wrap-ups, so a timer of an earlier one does nothing. */
  long wrapUps;

  AgentSlot(Agent agent) {
    this.agent = agent;
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
  public long callsAnswered() {
    return callsAnswered;
  }

  @Override
  public long lastOffered() {
    return lastOffered;
  }
}
