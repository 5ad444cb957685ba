package org.hotline.cti.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code agent-state}: an agent's state changed.
 *
 * @param state the state now: {@code logged_out}, {@code available}, {@code reserved}, {@code
 *     on_call}, {@code wrap_up} or {@code break}
 * @param previous the state before, or null
 * @param reason why, or null: a break reason, {@code missed}, {@code registered}, {@code
 *     call-ended}, or the call id of an offer
 * @param since when it changed
 */
@JsonTypeName("agent-state")
public record AgentStateChanged(
    String agentId, String state, String previous, String reason, Instant since)
    implements CtiEvent {
  public AgentStateChanged {
    Objects.requireNonNull(agentId, "agentId");
  }

  @Override
  public Optional<String> aboutAgent() {
    return Optional.of(agentId);
  }
}
