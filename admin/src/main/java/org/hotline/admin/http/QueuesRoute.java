package org.hotline.admin.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.hotline.core.acd.Acd;
import org.hotline.core.acd.AcdSnapshot;
import org.hotline.cti.feed.QueueFigures;

/**
 * {@code GET /api/queues}: each queue's real-time state, by queue name: callers waiting, the
 * longest wait in seconds, the queue's agents by state, calls offered, answered, abandoned and
 * given back today, callbacks waiting, and today's service level (the share of calls answered
 * within the queue's threshold, see docs/metrics.md) with that threshold. Read from one {@link
 * Acd#snapshot()}, taken on the ACD's thread, so the figures agree.
 */
public final class QueuesRoute implements RouteHandler {
  /** How long a request waits for the ACD's snapshot. */
  static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(2);

  private final Acd acd;

  public QueuesRoute(Acd acd) {
    this.acd = Objects.requireNonNull(acd, "acd");
  }

  @Override
  public Response handle(Request request) throws Exception {
    AcdSnapshot snapshot = acd.snapshot().get(SNAPSHOT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    List<Map<String, Object>> queues = new ArrayList<>();
    new TreeMap<>(snapshot.queues()).values().forEach(q -> queues.add(QueueFigures.of(q)));
    return Response.json(HttpResponseStatus.OK, queues);
  }
}
