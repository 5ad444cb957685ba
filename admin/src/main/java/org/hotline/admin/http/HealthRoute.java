package org.hotline.admin.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}: 200 {@code {"status":"up"}} while the server can do its work, else 503 with
 * {@code {"status":"starting"}} until it first could, and {@code {"status":"down", "reason":...}}
 * after: SIP no longer able to answer (its threads dead, its intake full for long), the database
 * gone. A load balancer or a monitor takes the node out on the 503.
 */
public final class HealthRoute implements RouteHandler {
  private static final Logger log = LoggerFactory.getLogger(HealthRoute.class);

  private final Supplier<Optional<String>> problem;
  private volatile boolean wasUp;
  private volatile String lastProblem;

  /**
   * @param problem why the server cannot serve calls now (SIP, RTP, the database), or empty when it
   *     can; may block briefly
   */
  public HealthRoute(Supplier<Optional<String>> problem) {
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  @Override
  public Response handle(Request request) {
    Optional<String> why = check();
    if (why.isEmpty()) {
      wasUp = true;
      lastProblem = null;
      return Response.json(HttpResponseStatus.OK, Map.of("status", "up"));
    }
    Map<String, String> body = new LinkedHashMap<>();
    body.put("status", wasUp ? "down" : "starting");
    body.put("reason", why.get());
    if (wasUp && !why.get().equals(lastProblem)) {
      log.error("health: down: {}", why.get());
    }
    lastProblem = why.get();
    return Response.json(HttpResponseStatus.SERVICE_UNAVAILABLE, body);
  }

  private Optional<String> check() {
    try {
      return problem.get();
    } catch (RuntimeException e) {
      log.warn("readiness check failed: {}", e.toString());
      return Optional.of("the readiness check failed: " + e);
    }
  }
}
