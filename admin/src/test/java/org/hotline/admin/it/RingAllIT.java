package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A small team's queue switched to ring-all through the API, live: every free agent's phone rings
 * at once, the first to answer takes the call and the others stop ringing; an agent put on break
 * through the API is left out.
 */
class RingAllIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void everyFreePhoneRings_theFirstToAnswerTakesTheCall_theOthersStop() throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.demo.agents", "3"))) {
      HttpResponse<String> set =
          send(server, "PUT", "/api/queues/support/settings", "{\"strategy\": \"ring-all\"}");
      assertEquals(200, set.statusCode(), set.body());
      assertEquals(
          "ring-all",
          JSON.readTree(server.get("/api/queues/support/settings")).get("strategy").asText());

      int answerPort = FreePorts.udpAndTcp();
      int ringPort = FreePorts.udpAndTcp();
      int breakPort = FreePorts.udpAndTcp();
      Sipp answers =
          Sipp.phone("uas-agent-answer.xml", answerPort, "-m", "1", "-timeout", "60s").start();
      Sipp rings =
          Sipp.phone(
                  "uas-agent-ring-no-answer-expect-cancel.xml",
                  ringPort,
                  "-m",
                  "1",
                  "-timeout",
                  "60s")
              .start();
      assertEquals(0, Agents.registration(server, "1001", "hotline", answerPort).run(30));
      assertEquals(0, Agents.registration(server, "1002", "hotline", ringPort).run(30));
      assertEquals(0, Agents.registration(server, "1003", "hotline", breakPort).run(30));
      HttpResponse<String> pause =
          send(
              server,
              "POST",
              "/api/agents/1003/state",
              "{\"state\": \"break\", \"reason\": \"lunch\"}");
      assertEquals(202, pause.statusCode(), pause.body());
      HttpResponse<String> badReason =
          send(
              server,
              "POST",
              "/api/agents/1003/state",
              "{\"state\": \"break\", \"reason\": \"nap\"}");
      assertEquals(400, badReason.statusCode(), badReason.body());

      Sipp caller =
          Sipp.client(
              server,
              "uac-call-100-english-sales-expect-agent.xml",
              "200",
              "-m",
              "1",
              "-d",
              "3000",
              "-timeout",
              "60s");
      assertEquals(0, caller.run(60), caller.output());
      assertEquals(0, answers.await(30), answers.output());
      assertEquals(0, rings.await(30), "the other phone rang and was cancelled: " + rings.output());
      JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
      assertEquals("answered", cdr.get("outcome").asText(), cdr.toString());
      assertEquals("1001", cdr.get("agentId").asText(), cdr.toString());
      assertEquals(0.0, server.counter("hotline_acd_agents_missed_breaks_total"));
    }
  }

  private HttpResponse<String> send(RunningServer server, String method, String path, String json)
      throws Exception {
    return http.send(
        server
            .request(path)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
