package org.hotline.core.acd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.hotline.core.agent.AgentState;

/**
 * Reads {@link QueueStats} off the board and today's counts, in one pass over agents and calls.
 * Touched only on the ACD's thread.
 */
final class QueueStatsReader {
  private final QueueBoard board;
  private final QueueCounts today;
  private final Function<String, QueueSettings> settingsOf;
  private final Clock clock;

  QueueStatsReader(
      QueueBoard board,
      QueueCounts today,
      Function<String, QueueSettings> settingsOf,
      Clock clock) {
    this.board = board;
    this.today = today;
    this.settingsOf = settingsOf;
    this.clock = clock;
  }

  /**
   * Every queue an agent serves, a call waits in, with calls today or settings of its own. O(agents
   * + calls).
   */
  Map<String, QueueStats> all(Set<String> configured) {
    Map<String, QueueStats> all = read(null);
    Set<String> more = new java.util.HashSet<>(configured);
    more.addAll(today.queues());
    more.removeAll(all.keySet());
    if (!more.isEmpty()) {
      all.putAll(read(more));
    }
    return all;
  }

  /** The queues named (each present, zeros when nothing is known of it). O(agents + calls). */
  Map<String, QueueStats> of(Set<String> queues) {
    return read(queues);
  }

  private Map<String, QueueStats> read(Set<String> only) {
    Map<String, EnumMap<AgentState, Integer>> agentsByQueue = new TreeMap<>();
    if (only != null) {
      only.forEach(q -> agentsByQueue.put(q, zeroPerState()));
    }
    for (AgentSlot a : board.agents().values()) {
      for (String q : a.agent.queues()) {
        if (only == null || only.contains(q)) {
          agentsByQueue.computeIfAbsent(q, k -> zeroPerState()).merge(a.state, 1, Integer::sum);
        }
      }
    }
    Map<String, Integer> callers = new HashMap<>();
    Map<String, Integer> callbacks = new HashMap<>();
    Map<String, Instant> earliest = new HashMap<>();
    for (WaitingCall w : board.calls()) {
      String q = w.call.queue();
      if (only != null && !only.contains(q)) {
        continue;
      }
      agentsByQueue.computeIfAbsent(q, k -> zeroPerState());
      if (w.isCallback()) {
        callbacks.merge(q, 1, Integer::sum);
      } else {
        callers.merge(q, 1, Integer::sum);
        earliest.merge(q, w.arrivedAt, (x, y) -> x.isBefore(y) ? x : y);
      }
    }
    Instant now = clock.instant();
    Map<String, QueueStats> stats = new HashMap<>();
    agentsByQueue.forEach(
        (q, agents) -> {
          QueueCounts.Today t = today.peek(q);
          Instant first = earliest.get(q);
          long longest = first == null ? 0 : Math.max(0, Duration.between(first, now).toSeconds());
          stats.put(
              q,
              new QueueStats(
                  q,
                  callers.getOrDefault(q, 0),
                  longest,
                  agents,
                  t.offered,
                  t.answered,
                  t.abandoned,
                  t.givenBack,
                  t.overflowed,
                  callbacks.getOrDefault(q, 0),
                  t.serviceLevel(),
                  settingsOf.apply(q).serviceLevel()));
        });
    return stats;
  }

  private static EnumMap<AgentState, Integer> zeroPerState() {
    EnumMap<AgentState, Integer> m = new EnumMap<>(AgentState.class);
    for (AgentState s : AgentState.values()) {
      m.put(s, 0);
    }
    return m;
  }
}
