package org.hotline.admin.wallboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.core.acd.AcdSnapshot;
import org.hotline.core.acd.QueueStats;
import org.hotline.core.agent.AgentState;
import org.hotline.core.event.AgentEvent;
import org.hotline.core.event.QueueEvent;
import org.hotline.cti.feed.QueueFigures;

/**
 * What the wallboard shows, kept up to date from the bus: each queue's latest {@link QueueStats}
 * with when it was read, and each agent's state. Safe from any thread: events come on the ACD's
 * thread, snapshots are read on the timer and the event loops.
 */
final class WallboardState {
  private final Clock clock;
  private final Map<String, Timed> queues = new ConcurrentHashMap<>();
  private final Map<String, AgentState> agents = new ConcurrentHashMap<>();

  /** A queue's figures and when they were read, so the longest wait can be brought up to now. */
  private record Timed(QueueStats stats, Instant at) {}

  WallboardState(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Takes a queue's new figures. */
  void apply(QueueEvent.StatsChanged changed) {
    queues.put(changed.queue(), new Timed(changed.stats(), changed.at()));
  }

  /** Takes an agent's new state. */
  void apply(AgentEvent.StateChanged changed) {
    agents.put(changed.agentId(), changed.to());
  }

  /**
   * Takes what the ACD knew at one moment, for what no event has told yet: an event that came
   * meanwhile is newer and stays.
   */
  void seed(AcdSnapshot snapshot, Instant at) {
    snapshot.queues().forEach((name, stats) -> queues.putIfAbsent(name, new Timed(stats, at)));
    snapshot.agentStates().forEach(agents::putIfAbsent);
  }

  /**
   * The wallboard's snapshot now, JSON-ready: {@code at}, {@code queues} (by name, each as {@link
   * QueueFigures} shows it, its longest wait brought up to now) and {@code agents} (every agent
   * counted once by state).
   */
  Map<String, Object> snapshot() {
    Instant now = clock.instant();
    List<Map<String, Object>> list = new ArrayList<>();
    for (Timed t : new TreeMap<>(queues).values()) {
      Map<String, Object> figures = QueueFigures.of(t.stats());
      if (t.stats().waiting() > 0) {
        long since = Math.max(0, Duration.between(t.at(), now).toSeconds());
        figures.put("longestWaitSeconds", t.stats().longestWaitSeconds() + since);
      }
      list.add(figures);
    }
    Map<String, Integer> byState = new LinkedHashMap<>();
    for (AgentState s : AgentState.values()) {
      byState.put(s.name().toLowerCase(Locale.ROOT), 0);
    }
    agents.values().forEach(s -> byState.merge(s.name().toLowerCase(Locale.ROOT), 1, Integer::sum));
    Map<String, Object> snapshot = new LinkedHashMap<>();
    snapshot.put("at", now);
    snapshot.put("queues", list);
    snapshot.put("agents", byState);
    return snapshot;
  }
}
