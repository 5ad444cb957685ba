package org.hotline.core.event;

import java.time.Instant;
import org.hotline.core.agent.AgentState;

/** A change of an agent's state. */
public sealed interface AgentEvent extends HotlineEvent {
  String agentId();

  /** The agent went from {@code from} to {@code to}; {@code reason} says why (may be empty). */
  record StateChanged(String agentId, AgentState from, AgentState to, String reason, Instant at)
      implements AgentEvent {}
}
