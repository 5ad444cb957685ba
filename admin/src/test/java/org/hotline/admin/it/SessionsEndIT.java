package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A login ends when an administrator takes it away: an agent whose SIP or desk password is changed,
 * or who is disabled, finds its session token refused at once and its {@code /cti} connection
 * closed with 4401; a change to its queues alone leaves it logged in. A user given another role or
 * password likewise.
 */
class SessionsEndIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CUSTOMER =
      "{\"name\": \"Wang Fang\", \"level\": \"normal\", \"phones\": [\"13800138000\"]}";

  @Test
  void anAgentsNewPassword_orDisable_endsItsSessions_andClosesItsCtiWith4401() throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.demo.agents", "2"))) {
      String first = login(server, "1001", "hotline");
      try (CtiClient cti = CtiClient.withToken(server, first)) {
        HttpResponse<String> created = bearer(server, "POST", "/api/customers", CUSTOMER, first);
        assertEquals(201, created.statusCode(), created.body());

        assertEquals(
            200,
            server.send("PUT", "/api/agents/1001", "{\"queues\": {\"support\": 2}}").statusCode());
        assertEquals(
            200,
            bearer(server, "GET", "/api/customers", null, first).statusCode(),
            "new queues keep the login");

        assertEquals(
            200,
            server
                .send(
                    "PUT",
                    "/api/agents/1001",
                    "{\"password\": \"new-secret-1\", \"queues\": {\"support\": 2}}")
                .statusCode());
        assertEquals(
            401,
            bearer(server, "POST", "/api/tickets", "{\"title\": \"after\"}", first).statusCode(),
            "the old session makes no more tickets");
        assertEquals(401, bearer(server, "POST", "/api/customers", CUSTOMER, first).statusCode());
        assertEquals(4401, cti.closeCode());
      }
      assertEquals(
          401,
          status(server, "1001", "new-secret-1"),
          "the new SIP password does not open the desktop");
      String second = login(server, "1001", "hotline");
      try (CtiClient cti = CtiClient.withToken(server, second)) {
        assertEquals(200, bearer(server, "GET", "/api/customers", null, second).statusCode());

        assertEquals(
            200,
            server
                .send("PUT", "/api/agents/1001/desk-password", "{\"password\": \"new-desk-pw-1\"}")
                .statusCode());
        assertEquals(
            401,
            bearer(server, "GET", "/api/customers", null, second).statusCode(),
            "a new desk password ends it too");
        assertEquals(4401, cti.closeCode());
      }
      assertEquals(401, status(server, "1001", "hotline"));
      assertEquals(
          200,
          bearer(server, "GET", "/api/customers", null, login(server, "1001", "new-desk-pw-1"))
              .statusCode());

      String other = login(server, "1002", "hotline");
      try (CtiClient cti = CtiClient.withToken(server, other)) {
        assertEquals(204, server.send("DELETE", "/api/agents/1002", "").statusCode());
        assertEquals(401, bearer(server, "GET", "/api/customers", null, other).statusCode());
        assertEquals(4401, cti.closeCode());
      }
    }
  }

  @Test
  void aUsersNewRoleOrPassword_endsItsSessions() throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.demo.agents", "1"))) {
      assertEquals(
          201,
          server
              .send(
                  "POST",
                  "/api/users",
                  "{\"name\": \"lin\", \"role\": \"supervisor\", \"password\": \"supervisor-pw-1\"}")
              .statusCode());
      String token = login(server, "lin", "supervisor-pw-1");
      assertEquals(200, bearer(server, "GET", "/api/reports/summary", null, token).statusCode());

      assertEquals(200, server.send("PUT", "/api/users/lin", "{\"role\": \"admin\"}").statusCode());
      assertEquals(401, bearer(server, "GET", "/api/reports/summary", null, token).statusCode());

      token = login(server, "lin", "supervisor-pw-1");
      assertEquals(
          200,
          server.send("PUT", "/api/users/lin", "{\"password\": \"another-pw-22\"}").statusCode());
      assertEquals(401, bearer(server, "GET", "/api/users", null, token).statusCode());
    }
  }

  private int status(RunningServer server, String user, String password) throws Exception {
    return bearer(
            server,
            "POST",
            "/api/login",
            "{\"user\": \"" + user + "\", \"password\": \"" + password + "\"}",
            null)
        .statusCode();
  }

  private String login(RunningServer server, String user, String password) throws Exception {
    HttpResponse<String> login =
        bearer(
            server,
            "POST",
            "/api/login",
            "{\"user\": \"" + user + "\", \"password\": \"" + password + "\"}",
            null);
    assertEquals(200, login.statusCode(), login.body());
    return JSON.readTree(login.body()).get("token").asText();
  }

  private HttpResponse<String> bearer(
      RunningServer server, String method, String path, String json, String token)
      throws Exception {
    return server.sendAs(token == null ? null : "Bearer " + token, method, path, json);
  }
}
