package org.hotline.admin.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Objects;

/** {@code GET /metrics}: every meter in the Prometheus text format (version 0.0.4). */
public final class MetricsRoute implements RouteHandler {
  /** The content type of the Prometheus text format. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  public MetricsRoute(PrometheusMeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public Response handle(Request request) {
    return Response.text(HttpResponseStatus.OK, CONTENT_TYPE, registry.scrape());
  }
}
