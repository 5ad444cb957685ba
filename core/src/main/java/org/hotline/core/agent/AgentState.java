package org.hotline.core.agent;

/** Where an agent stands for routing. */
public enum AgentState {
  LOGGED_OUT,
  AVAILABLE,
  /** A call is offered: the agent's phone rings. */
  RESERVED,
  ON_CALL,
  WRAP_UP,
  BREAK
}
