package org.hotline.cti.feed;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hotline.core.acd.QueueStats;
import org.hotline.core.agent.AgentState;

/**
 * One queue's real-time figures as the HTTP API ({@code GET /api/queues}) and the CTI bridge
 * ({@code queue-stats}) both show them, so the two never differ.
 */
public final class QueueFigures {
  private QueueFigures() {}

  /** The figures of {@code q}, JSON-ready, in a stable order. */
  public static Map<String, Object> of(QueueStats q) {
    Map<String, Integer> agents = new LinkedHashMap<>();
    for (AgentState s : AgentState.values()) {
      agents.put(s.name().toLowerCase(Locale.ROOT), q.agents().getOrDefault(s, 0));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("queue", q.queue());
    m.put("waiting", q.waiting());
    m.put("longestWaitSeconds", q.longestWaitSeconds());
    m.put("agents", agents);
    m.put("offeredToday", q.offered());
    m.put("answeredToday", q.answered());
    m.put("abandonedToday", q.abandoned());
    m.put("givenBackToday", q.givenBack());
    m.put("overflowedToday", q.overflowed());
    m.put("callbacksWaiting", q.callbacks());
    m.put("serviceLevelToday", q.serviceLevel());
    m.put("serviceLevelSeconds", q.serviceLevelThreshold().toSeconds());
    return m;
  }
}
