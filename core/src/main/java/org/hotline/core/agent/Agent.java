package org.hotline.core.agent;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An agent as configured: id, display name, SIP user, the queues they serve and their skill level
 * in each (higher is better; the {@code skills} routing strategy offers the best level first).
 *
 * <p>{@code levels} holds one level per queue of {@code queues}: a queue without a given level gets
 * {@value #DEFAULT_LEVEL}, and levels of queues the agent does not serve are dropped, so two agents
 * that differ only in how their levels were written are equal.
 */
public record Agent(
    String id, String name, String sipUser, Set<String> queues, Map<String, Integer> levels) {
  /** The skill level of a queue when none is given. */
  public static final int DEFAULT_LEVEL = 1;

  public Agent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sipUser, "sipUser");
    name = name == null ? id : name;
    queues = Set.copyOf(queues);
    Map<String, Integer> all = new HashMap<>();
    for (String q : queues) {
      int level = levels.getOrDefault(q, DEFAULT_LEVEL);
      if (level < 1) {
        throw new IllegalArgumentException(
            "skill level of agent " + id + " in " + q + " must be at least 1: " + level);
      }
      all.put(q, level);
    }
    levels = Map.copyOf(all);
  }

  /** An agent at level {@value #DEFAULT_LEVEL} in every queue. */
  public Agent(String id, String name, String sipUser, Set<String> queues) {
    this(id, name, sipUser, queues, Map.of());
  }

  /** The agent's skill level in {@code queue}; 0 for a queue they do not serve. */
  public int level(String queue) {
    return levels.getOrDefault(queue, 0);
  }
}
