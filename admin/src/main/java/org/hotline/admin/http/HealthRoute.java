package org.hotline.admin.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}: 200 {@code {"status":"up"}} while the server is ready, else 503 with
 * {@code {"status":"starting"}} until it first was, and {@code {"status":"down"}} after.
 */
public final class HealthRoute implements RouteHandler {
  private static final Logger log = LoggerFactory.getLogger(HealthRoute.class);

  private final BooleanSupplier ready;
  private volatile boolean wasUp;

  /** @param ready whether everything that serves calls is up (SIP, RTP, database); may block briefly */
  public HealthRoute(BooleanSupplier ready) {
    this.ready = Objects.requireNonNull(ready, "ready");
  }

  @Override
  public Response handle(Request request) {
    if (isReady()) {
      wasUp = true;
      return Response.json(HttpResponseStatus.OK, Map.of("status", "up"));
    }
    return Response.json(HttpResponseStatus.SERVICE_UNAVAILABLE, Map.of("status", wasUp ? "down" : "starting"));
  }

  private boolean isReady() {
    try {
      return ready.getAsBoolean();
    } catch (RuntimeException e) {
      log.warn("readiness check failed: {}", e.toString());
      return false;
    }
  }
}
