package org.hotline.admin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HealthRouteTest {
  @Test
  void health_answers503StartingUntilReady_then200Up_then503DownWhenReadinessIsLost() throws Exception {
    AtomicBoolean ready = new AtomicBoolean(false);
    try (TestServer http = new TestServer(router -> router.get("/health", Access.open(), new HealthRoute(ready::get)))) {
      assertHealth(http.get("/health"), 503, "starting");

      ready.set(true);
      assertHealth(http.get("/health"), 200, "up");

      ready.set(false);
      assertHealth(http.get("/health"), 503, "down");
    }
  }

  @Test
  void health_whenTheReadinessCheckThrows_answers503() throws Exception {
    try (TestServer http = new TestServer(router -> router.get("/health", Access.open(), new HealthRoute(() -> { throw new IllegalStateException("db gone"); })))) {
      assertHealth(http.get("/health"), 503, "starting");
    }
  }

  static void assertHealth(HttpResponse<String> response, int status, String text) throws Exception {
    assertEquals(status, response.statusCode());
    assertEquals(text, Json.MAPPER.readTree(response.body()).get("status").asText());
  }
}
