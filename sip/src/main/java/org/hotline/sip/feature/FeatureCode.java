package org.hotline.sip.feature;

import java.util.Objects;
import org.hotline.core.agent.AgentControl;

/**
 * What dialing one feature code does to the agent who dialed it.
 *
 * @param code the digits dialed ({@code *21})
 * @param action {@code ready}, {@code logout} or {@code break:<reason>}
 */
public record FeatureCode(String code, String action) {
  public FeatureCode {
    Objects.requireNonNull(code, "code");
    if (!action.equals("ready") && !action.equals("logout") && !action.matches("break:.+")) {
      throw new IllegalArgumentException("feature code " + code + ": unknown action " + action);
    }
  }

  /**
   * Applies the action to {@code agentId} through {@code control}.
   *
   * @throws IllegalArgumentException when the break reason is not one of the configured ones
   */
  public void apply(AgentControl control, String agentId) {
    switch (action) {
      case "ready" -> control.ready(agentId);
      case "logout" -> control.logout(agentId);
      default -> control.pause(agentId, action.substring("break:".length()));
    }
  }

  /** The prompt that confirms the action to the agent. */
  public String confirmation() {
    return switch (action) {
      case "ready" -> "agent-ready";
      case "logout" -> "agent-logged-out";
      default -> "agent-on-break";
    };
  }
}
