package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report routes are wired into the whole server, with the configured report zone. */
class ReportsApiIT {
  @Test
  void reports_answerFromTheServersDatabase_inTheConfiguredZone() throws Exception {
    try (RunningServer server =
        new RunningServer(Map.of("hotline.reports.time-zone", "Europe/Paris"))) {
      JsonNode summary =
          new ObjectMapper()
              .readTree(server.get("/api/reports/summary?from=2026-11-01&to=2026-11-02"));
      assertEquals("Europe/Paris", summary.get("zone").asText());
      assertEquals("2026-10-31T23:00:00Z", summary.get("from").asText());
      assertEquals(0, summary.get("calls").asLong());

      String csv =
          server.get("/api/reports/volume?from=2026-11-01&to=2026-11-02&by=queue&format=csv");
      assertEquals("start,end,queue,calls,callbacks\r\n", csv);

      HttpResponse<String> bad =
          server.send("GET", "/api/reports/agents?from=2026-11-01&to=2026-10-01", "");
      assertEquals(400, bad.statusCode());
      assertTrue(bad.body().startsWith("{\"error\":\"bad parameter to: "), bad.body());
    }
  }
}
