package org.hotline.admin.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.hotline.core.acd.Acd;
import org.hotline.core.acd.AcdSnapshot;
import org.hotline.cti.feed.QueueFigures;

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
    new TreeMap<>(snapshot.queues()).values().forEach(q -> queues.add(QueueFigures.of(q)));
    return Response.json(HttpResponseStatus.OK, queues);
  }
}
