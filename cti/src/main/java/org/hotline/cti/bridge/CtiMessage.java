package org.hotline.cti.bridge;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of the CTI protocol (docs/cti-protocol.md), before it is written as a JSON text
 * frame: its {@code type} ({@code screen-pop}, {@code call-state}, {@code agent-state}, {@code
 * queue-stats}, replies and errors) and its fields.
 *
 * @param type the message type
 * @param agentId the agent it is about: their desktops and every integration get it; empty for a
 *     message every connection gets ({@code queue-stats})
 * @param body the message's fields besides {@code type}, JSON-ready (strings, numbers, booleans,
 *     lists, maps, nulls)
 */
public record CtiMessage(String type, Optional<String> agentId, Map<String, Object> body) {
  public CtiMessage {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(agentId, "agentId");
    body = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(body));
  }
}
