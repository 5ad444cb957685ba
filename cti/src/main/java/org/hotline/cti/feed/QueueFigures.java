package org.hotline.cti.feed;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hotline.core.acd.QueueStats;
import org.hotline.core.agent.AgentState;
import org.hotline.cti.protocol.CtiCodec;
import org.hotline.cti.protocol.QueueStatsChanged;

/**
 * One queue's real-time figures as the CTI bridge ({@code queue-stats}) and the HTTP API ({@code
 * GET /api/queues}) both show them, so the two never differ: the API's are the message's fields.
 */
public final class QueueFigures {
  private QueueFigures() {}

  /** The {@code queue-stats} message of {@code q}. */
  public static QueueStatsChanged message(QueueStats q) {
    Map<String, Integer> agents = new LinkedHashMap<>();
    for (AgentState s : AgentState.values()) {
      agents.put(s.name().toLowerCase(Locale.ROOT), q.agents().getOrDefault(s, 0));
    }
    return new QueueStatsChanged(
        q.queue(),
        q.waiting(),
        q.longestWaitSeconds(),
        agents,
        q.offered(),
        q.answered(),
        q.abandoned(),
        q.givenBack(),
        q.overflowed(),
        q.callbacks(),
        q.serviceLevel(),
        q.serviceLevelThreshold().toSeconds());
  }

  /**
   * The figures of {@code q}, JSON-ready, in a stable order: the fields of its {@link #message}, a
   * map the caller may change.
   */
  public static Map<String, Object> of(QueueStats q) {
    return CtiCodec.fields(message(q));
  }
}
