package org.hotline.admin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsRouteTest {
  @Test
  void metrics_answersPrometheusTextWithTheCounters() throws Exception {
    try (TestServer http = new TestServer(router -> {})) {
      http.router.get("/metrics", Access.open(), new MetricsRoute(http.meters));
      http.meters.counter("hotline.cdr.written").increment(3);
      http.get("/no-such-page");

      HttpResponse<String> response = http.get("/metrics");

      assertEquals(200, response.statusCode());
      assertEquals(
          MetricsRoute.CONTENT_TYPE, response.headers().firstValue("content-type").orElseThrow());
      assertTrue(response.body().contains("hotline_cdr_written_total 3.0"), response.body());
      assertTrue(
          response.body().contains("hotline_http_bad_requests_total{status=\"404\"} 1.0"),
          response.body());
    }
  }
}
