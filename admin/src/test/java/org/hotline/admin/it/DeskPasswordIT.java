package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An agent's desk password is their own: an agent an administrator creates gets a generated one
 * that opens the desktop, their SIP password opens nothing but the phone line, and when the agent
 * changes their desk password the old one and every session it opened stop working.
 */
class DeskPasswordIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aNewAgentsGeneratedDeskPasswordLogsIn_theSipPasswordDoesNot_andAChangeEndsTheOldSessions()
      throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.demo.enabled", "false"))) {
      HttpResponse<String> created =
          server.send(
              "PUT", "/api/agents/2001", "{\"name\": \"Li Na\", \"queues\": {\"support\": 1}}");
      assertEquals(201, created.statusCode(), created.body());
      JsonNode agent = JSON.readTree(created.body());
      String sip = agent.get("generatedPassword").asText();
      String desk = agent.get("generatedDeskPassword").asText();
      assertNotEquals(sip, desk);
      assertFalse(server.get("/api/agents").contains(desk), "the desk password is shown only once");

      // Wrong passwords are counted per name and address: the order below keeps them from adding up
      // to a wait.
      assertEquals(
          401,
          login(server, "2001", sip).statusCode(),
          "the SIP password does not open the desktop");
      assertEquals(
          0,
          Agents.registration(server, "2001", sip, FreePorts.udpAndTcp()).run(30),
          "it registers the phone");

      HttpResponse<String> first = login(server, "2001", desk);
      assertEquals(200, first.statusCode(), first.body());
      String token = JSON.readTree(first.body()).get("token").asText();
      assertEquals("2001", JSON.readTree(first.body()).get("agentId").asText());
      try (CtiClient cti = CtiClient.withToken(server, token)) {
        HttpResponse<String> changed =
            call(
                server,
                "PUT",
                "/api/me/password",
                "{\"current\": \"" + desk + "\", \"password\": \"my-own-desk-pw\"}",
                token,
                null);
        assertEquals(204, changed.statusCode(), changed.body());
        assertEquals(
            401,
            call(server, "GET", "/api/cdrs", null, token, null).statusCode(),
            "the old session ends");
        assertEquals(4401, cti.closeCode(), "and its CTI connection closes");
      }
      assertEquals(
          401, login(server, "2001", desk).statusCode(), "the old desk password no longer logs in");
      assertEquals(200, login(server, "2001", "my-own-desk-pw").statusCode());

      JsonNode audit = JSON.readTree(server.get("/api/audit?size=20"));
      String entries = audit.get("items").toString();
      assertTrue(
          entries.contains("PUT /api/me/password") && entries.contains("\"actor\":\"2001\""),
          entries);
      assertFalse(entries.contains("my-own-desk-pw") || entries.contains(desk), entries);

      // An administrator resets it: a generated one, shown once, and the agent's own stops working.
      HttpResponse<String> reset = server.send("PUT", "/api/agents/2001/desk-password", "{}");
      assertEquals(200, reset.statusCode(), reset.body());
      String again = JSON.readTree(reset.body()).get("generatedDeskPassword").asText();
      assertEquals(401, login(server, "2001", "my-own-desk-pw").statusCode());
      HttpResponse<String> second = login(server, "2001", again);
      assertEquals(200, second.statusCode(), second.body());
      String token2 = JSON.readTree(second.body()).get("token").asText();

      HttpResponse<String> wrong =
          call(
              server,
              "PUT",
              "/api/me/password",
              "{\"current\": \"" + sip + "\", \"password\": \"another-desk-pw\"}",
              token2,
              null);
      assertEquals(400, wrong.statusCode(), wrong.body());
      assertTrue(
          wrong.body().contains("current"),
          "the SIP password is not the current one: " + wrong.body());
      assertEquals(
          401,
          call(server, "GET", "/api/cdrs", null, null, basic("2001", sip)).statusCode(),
          "nor does it open the API");
    }
  }

  private HttpResponse<String> login(RunningServer server, String user, String password)
      throws Exception {
    return call(
        server,
        "POST",
        "/api/login",
        JSON.writeValueAsString(Map.of("user", user, "password", password)),
        null,
        null);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> call(
      RunningServer server,
      String method,
      String path,
      String json,
      String token,
      String authorization)
      throws Exception {
    return server.sendAs(token != null ? "Bearer " + token : authorization, method, path, json);
  }
}
