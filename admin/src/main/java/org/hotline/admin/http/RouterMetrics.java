package org.hotline.admin.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What the {@link Router} counts: {@code hotline.http.requests} (timer by route and status), {@code
 * hotline.http.bad.requests} (counter by status: 400, 404, 405, 413), {@code hotline.http.refused}
 * (counter by status: 401, 403, 429) and {@code hotline.http.connections.refused}.
 */
final class RouterMetrics {
  private final MeterRegistry meters;

  RouterMetrics(MeterRegistry meters) {
    this.meters = Objects.requireNonNull(meters, "meters");
  }

  /** Counts a connection refused for its address having too many open already. */
  void refusedConnection() {
    Counter.builder("hotline.http.connections.refused")
        .description("HTTP connections refused because their address had too many open")
        .register(meters)
        .increment();
  }

  /**
   * Counts a request refused as malformed (400), unknown (404), not allowed (405) or too large
   * (413).
   */
  void badRequest(HttpResponseStatus status) {
    Counter.builder("hotline.http.bad.requests")
        .description("HTTP requests refused as malformed, unknown or not allowed")
        .tag("status", Integer.toString(status.code()))
        .register(meters)
        .increment();
  }

  /** Counts {@code response}, a refusal for the request's credentials or role; returns it. */
  Response refused(Response response) {
    Counter.builder("hotline.http.refused")
        .description("HTTP requests refused for their credentials or role")
        .tag("status", Integer.toString(response.status().code()))
        .register(meters)
        .increment();
    return response;
  }

  /**
   * Times {@code response} to a request of route {@code pattern} that came at {@code startNanos};
   * returns it.
   */
  Response timed(String pattern, Response response, long startNanos) {
    int status = response.status().code();
    Timer.builder("hotline.http.requests")
        .description("HTTP requests answered")
        .tag("route", pattern)
        .tag("status", Integer.toString(status))
        .register(meters)
        .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    if (status == 400 || status == 404 || status == 405 || status == 413) {
      badRequest(response.status());
    }
    return response;
  }
}
