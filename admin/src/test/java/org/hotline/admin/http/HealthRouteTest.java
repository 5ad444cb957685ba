package org.hotline.admin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HealthRouteTest {
  @Test
  void health_answers503StartingUntilReady_then200Up_then503DownWithTheReasonWhenReadinessIsLost()
      throws Exception {
    AtomicReference<Optional<String>> problem =
        new AtomicReference<>(Optional.of("SIP is not started"));
    try (TestServer http =
        new TestServer(
            router -> router.get("/health", Access.open(), new HealthRoute(problem::get)))) {
      assertHealth(http.get("/health"), 503, "starting");

      problem.set(Optional.empty());
      assertHealth(http.get("/health"), 200, "up");

      problem.set(Optional.of("the SIP UDP reading thread has stopped"));
      HttpResponse<String> down = http.get("/health");
      assertHealth(down, 503, "down");
      assertEquals(
          "the SIP UDP reading thread has stopped",
          Json.MAPPER.readTree(down.body()).get("reason").asText());
    }
  }

  @Test
  void health_whenTheReadinessCheckThrows_answers503() throws Exception {
    try (TestServer http =
        new TestServer(
            router ->
                router.get(
                    "/health",
                    Access.open(),
                    new HealthRoute(
                        () -> {
                          throw new IllegalStateException("db gone");
                        })))) {
      assertHealth(http.get("/health"), 503, "starting");
    }
  }

  static void assertHealth(HttpResponse<String> response, int status, String text)
      throws Exception {
    assertEquals(status, response.statusCode());
    assertEquals(text, Json.MAPPER.readTree(response.body()).get("status").asText());
  }
}
