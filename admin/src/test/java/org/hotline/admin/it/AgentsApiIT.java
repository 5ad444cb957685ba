package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An agent created through the API takes calls at once, and one disabled stops at once. */
class AgentsApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void anAgentCreatedLive_registersAndTakesACall_andOnceDisabledCannotRegister() throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.demo.enabled", "false"))) {
      HttpResponse<String> created =
          send(
              server,
              "PUT",
              "/api/agents/2001",
              "{\"name\": \"Li Na\", \"password\": \"s3cret-pw\", \"queues\": {\"support\": 2}}");
      assertEquals(201, created.statusCode(), created.body());
      // Without a password, the new agent gets a long random one, shown once, that its phone
      // registers with.
      HttpResponse<String> noPassword =
          send(server, "PUT", "/api/agents/2002", "{\"queues\": {\"support\": 1}}");
      assertEquals(201, noPassword.statusCode(), noPassword.body());
      String generated = JSON.readTree(noPassword.body()).path("generatedPassword").asText();
      assertTrue(generated.matches("[A-Za-z0-9_-]{24}"), noPassword.body());
      assertEquals(
          0, Agents.registration(server, "2002", generated, FreePorts.udpAndTcp()).run(30));
      assertFalse(server.get("/api/agents").contains(generated), "the password is shown only once");
      assertEquals(204, send(server, "DELETE", "/api/agents/2002", "").statusCode());

      int phonePort = FreePorts.udpAndTcp();
      Sipp phone =
          Sipp.phone("uas-agent-answer.xml", phonePort, "-m", "1", "-timeout", "60s").start();
      Sipp registration = Agents.registration(server, "2001", "s3cret-pw", phonePort);
      assertEquals(0, registration.run(30), registration.output());
      JsonNode agents = JSON.readTree(server.get("/api/agents"));
      assertEquals(1, agents.size(), agents.toString());
      assertEquals("available", agents.get(0).get("state").asText(), agents.toString());

      Sipp caller =
          Sipp.client(
              server,
              "uac-call-100-english-sales-expect-agent.xml",
              "200",
              "-m",
              "1",
              "-d",
              "2000",
              "-timeout",
              "60s");
      assertEquals(0, caller.run(60), caller.output());
      assertEquals(0, phone.await(30), phone.output());
      assertEquals("2001", CallPathIT.awaitCdrs(server, 1).get(0).get("agentId").asText());

      assertEquals(204, send(server, "DELETE", "/api/agents/2001", "").statusCode());
      assertEquals(0, JSON.readTree(server.get("/api/agents")).size());
      Sipp refused = Agents.registration(server, "2001", "s3cret-pw", phonePort);
      assertTrue(refused.run(30) != 0, "a disabled agent cannot register: " + refused.output());
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
