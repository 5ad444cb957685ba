package org.hotline.core.agent;

/**
 * Sets an agent's state on their behalf: from their phone (feature codes), the HTTP API or the CTI
 * desktop. Each method returns at once; the change is applied in order with routing.
 */
public interface AgentControl {

  /** The agent is ready for calls (from break; or logged in again after logging out). */
  void ready(String agentId);

  /** The agent takes a break for {@code reason}, one of the configured break reasons. */
  void pause(String agentId, String reason);

  /** The agent logs out: out of routing until ready again, after a call in progress. */
  void logout(String agentId);
}
