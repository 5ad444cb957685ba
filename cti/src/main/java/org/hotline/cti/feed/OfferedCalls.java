package org.hotline.cti.feed;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls on now, who each came from and the agents each was offered to: every agent whose phone
 * rang for it until one answers, then that agent alone. Kept by {@link CtiEvents} from the event
 * bus; read by the agent desk to tell whether a call is an agent's to wrap up before its CDR
 * exists, and by tickets to link a call to its caller. A call is forgotten when it finishes, when
 * its CDR tells the rest. Thread-safe.
 */
public final class OfferedCalls {
  private final Map<String, Set<String>> agentsByCall = new ConcurrentHashMap<>();
  private final Map<String, String> callers = new ConcurrentHashMap<>();

  void offered(String callId, String agentId, String caller) {
    agentsByCall.computeIfAbsent(callId, id -> ConcurrentHashMap.newKeySet()).add(agentId);
    if (caller != null) {
      callers.put(callId, caller);
    }
  }

  /** The agents who rang and did not answer, now that {@code agentId} did. */
  Set<String> connected(String callId, String agentId) {
    Set<String> answered = ConcurrentHashMap.newKeySet();
    answered.add(agentId);
    Set<String> before = agentsByCall.put(callId, answered);
    if (before == null) {
      return Set.of();
    }
    Set<String> others = new HashSet<>(before);
    others.remove(agentId);
    return Set.copyOf(others);
  }

  /** Forgets the call; the agents it was offered to (or answered by). */
  Set<String> finished(String callId) {
    callers.remove(callId);
    Set<String> agents = agentsByCall.remove(callId);
    return agents == null ? Set.of() : Set.copyOf(agents);
  }

  /** Whether call {@code callId} is on and was offered to (or answered by) {@code agentId}. */
  public boolean offeredTo(String callId, String agentId) {
    return agentsByCall.getOrDefault(callId, Set.of()).contains(agentId);
  }

  /** The number call {@code callId} came from, as received, while it is on and offered. */
  public Optional<String> caller(String callId) {
    return callId == null ? Optional.empty() : Optional.ofNullable(callers.get(callId));
  }

  /** How many calls are on and offered. */
  public int size() {
    return agentsByCall.size();
  }
}
