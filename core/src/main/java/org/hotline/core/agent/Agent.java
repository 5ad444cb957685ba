package org.hotline.core.agent;

import java.util.Objects;
import java.util.Set;

/**
 * An agent as configured: id, display name, SIP user and the queues they serve.
 */
public record Agent(String id, String name, String sipUser, Set<String> queues) {
  public Agent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sipUser, "sipUser");
    name = name == null ? id : name;
    queues = Set.copyOf(queues);
  }
}
