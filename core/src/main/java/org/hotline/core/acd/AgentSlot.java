package org.hotline.core.acd;

import java.time.Instant;
import org.hotline.core.agent.Agent;
import org.hotline.core.agent.AgentState;

/** The ACD's live view of one agent; touched only on the ACD's thread. */
final class AgentSlot {
  final Agent agent;
  AgentState state = AgentState.LOGGED_OUT;
  /** When the agent last became idle: longest idle first. */
  Instant idleSince = Instant.EPOCH;
  /** The agent's registration ended while on a call: log out when the call ends. */
  boolean logoutAfterCall;
  long callsToday;

  AgentSlot(Agent agent) {
    this.agent = agent;
  }

  String id() {
    return agent.id();
  }
}
