package org.hotline.admin.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.hotline.core.acd.Acd;
import org.hotline.core.acd.AcdSnapshot;
import org.hotline.core.acd.QueueStats;
import org.hotline.core.agent.AgentState;

/**
 * {@code GET /api/queues}: each queue's real-time state, by queue name: callers waiting, the
 * longest wait in seconds, the queue's agents by state, calls offered, answered, abandoned and
 * given back today, callbacks waiting, and today's service level (the share of calls answered
 * within the queue's threshold, see docs/metrics.md) with that threshold. Read from one {@link Acd#snapshot()}, taken on the ACD's thread, so the figures agree.
 *
 * <p>Answers 503 until the ACD is {@link #connect connected} (the HTTP server starts first).
 */
public final class QueuesRoute implements RouteHandler {
  /** How long a request waits for the ACD's snapshot. */
  static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(2);

  private volatile Acd acd;

  /** Starts answering from {@code acd}. */
  public void connect(Acd acd) {
    this.acd = acd;
  }

  @Override
  public Response handle(Request request) throws Exception {
    Acd source = acd;
    if (source == null) {
      return Response.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "the ACD is not running yet");
    }
    AcdSnapshot snapshot = source.snapshot().get(SNAPSHOT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    List<Map<String, Object>> queues = new ArrayList<>();
    new TreeMap<>(snapshot.queues()).values().forEach(q -> queues.add(json(q)));
    return Response.json(HttpResponseStatus.OK, queues);
  }

  private static Map<String, Object> json(QueueStats q) {
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
    m.put("callbacksWaiting", q.callbacks());
    m.put("serviceLevelToday", q.serviceLevel());
    m.put("serviceLevelSeconds", q.serviceLevelThreshold().toSeconds());
    return m;
  }
}
