package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.hotline.admin.http.Router;
import org.hotline.admin.wallboard.WallboardRoute;
import org.junit.jupiter.api.Test;

/**
 * The access matrix of docs/security.md over a running server: every registered route, called with
 * no credentials and as an agent, an integration, a supervisor and an administrator, answers 401,
 * 403 or gets through as the matrix says. A route the server registers and this matrix does not
 * list fails the test, and so does a listed route the server no longer has.
 */
class AccessMatrixIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Callers: none, and one of each role, all with HTTP Basic. */
  private static final List<String> CALLERS =
      List.of("none", "agent", "integration", "supervisor", "admin");

  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * One route of the matrix: a request that exercises it, who may make it, and whether it then
   * succeeds (2xx) or only gets past the access check (any answer but 401, 403 or 5xx).
   */
  record Row(
      String method,
      String pattern,
      String path,
      String body,
      Set<String> roles,
      boolean succeeds) {}

  private static final Set<String> OPEN =
      Set.of("none", "agent", "integration", "supervisor", "admin");
  private static final Set<String> EVERYONE = Set.of("agent", "integration", "supervisor", "admin");
  private static final Set<String> FLOOR = Set.of("supervisor", "admin");
  private static final Set<String> FLOOR_AND_INTEGRATIONS =
      Set.of("integration", "supervisor", "admin");
  private static final Set<String> ADMINS = Set.of("admin");

  static List<Row> matrix() {
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("GET", "/health", "/health", null, OPEN, true));
    rows.add(
        new Row(
            "POST",
            "/api/login",
            "/api/login",
            "{\"user\": \"1001\", \"password\": \"hotline\"}",
            OPEN,
            true));
    rows.add(new Row("POST", "/api/logout", "/api/logout", "", OPEN, true));
    rows.add(new Row("GET", "/metrics", "/metrics", null, FLOOR, true));
    rows.add(new Row("GET", "/api/cdrs", "/api/cdrs", null, EVERYONE, true));
    rows.add(new Row("GET", "/api/queues", "/api/queues", null, EVERYONE, true));
    rows.add(new Row("GET", "/api/queues/*", "/api/queues/support/settings", null, EVERYONE, true));
    rows.add(
        new Row(
            "PUT",
            "/api/queues/*",
            "/api/queues/support/settings",
            "{\"maxWaiting\": 30}",
            FLOOR,
            true));
    rows.add(new Row("DELETE", "/api/queues/*", "/api/queues/support/settings", "", FLOOR, true));
    rows.add(new Row("GET", "/api/agents", "/api/agents", null, FLOOR_AND_INTEGRATIONS, true));
    // The agent sets their own state; another agent's is the next row's check.
    rows.add(
        new Row(
            "POST",
            "/api/agents/*",
            "/api/agents/1001/state",
            "{\"state\": \"ready\"}",
            Set.of("agent", "integration", "supervisor", "admin"),
            true));
    rows.add(
        new Row(
            "PUT",
            "/api/agents/*",
            "/api/agents/3001",
            "{\"queues\": {\"support\": 1}}",
            ADMINS,
            false));
    rows.add(new Row("DELETE", "/api/agents/*", "/api/agents/9999", "", ADMINS, false));
    rows.add(
        new Row("PUT", "/api/agents/*", "/api/agents/9999/desk-password", "{}", ADMINS, false));
    // A new password too short: refused before the current one is checked, so no guess is counted.
    rows.add(
        new Row(
            "PUT",
            "/api/me/password",
            "/api/me/password",
            "{\"current\": \"x\", \"password\": \"short\"}",
            Set.of("agent", "supervisor", "admin"),
            false));
    rows.add(new Row("GET", "/api/customers", "/api/customers", null, EVERYONE, true));
    rows.add(
        new Row("POST", "/api/customers", "/api/customers", "{\"name\": \"\"}", EVERYONE, false));
    rows.add(new Row("GET", "/api/customers/*", "/api/customers/999999", null, EVERYONE, false));
    rows.add(
        new Row(
            "PUT",
            "/api/customers/*",
            "/api/customers/999999",
            "{\"name\": \"x\", \"phones\": [\"13800138000\"]}",
            EVERYONE,
            false));
    rows.add(new Row("DELETE", "/api/customers/*", "/api/customers/999999", "", FLOOR, false));
    rows.add(new Row("GET", "/api/customers/export", "/api/customers/export", null, FLOOR, true));
    rows.add(new Row("POST", "/api/customers/import", "/api/customers/import", "", FLOOR, false));
    rows.add(new Row("GET", "/api/tickets", "/api/tickets", null, EVERYONE, true));
    rows.add(
        new Row("POST", "/api/tickets", "/api/tickets", "{\"title\": \"matrix\"}", EVERYONE, true));
    rows.add(new Row("GET", "/api/tickets/*", "/api/tickets/1", null, EVERYONE, true));
    rows.add(
        new Row(
            "PUT",
            "/api/tickets/*",
            "/api/tickets/1",
            "{\"status\": \"pending\"}",
            EVERYONE,
            true));
    rows.add(
        new Row("GET", "/api/voicemails", "/api/voicemails", null, FLOOR_AND_INTEGRATIONS, true));
    rows.add(
        new Row(
            "GET",
            "/api/voicemails/*",
            "/api/voicemails/999999",
            null,
            FLOOR_AND_INTEGRATIONS,
            false));
    rows.add(
        new Row("GET", "/api/callbacks", "/api/callbacks", null, FLOOR_AND_INTEGRATIONS, true));
    rows.add(new Row("POST", "/api/admin/reload", "/api/admin/reload", "", ADMINS, false));
    rows.add(new Row("GET", "/api/users", "/api/users", null, ADMINS, true));
    rows.add(new Row("POST", "/api/users", "/api/users", "{\"name\": \"\"}", ADMINS, false));
    rows.add(
        new Row("PUT", "/api/users/*", "/api/users/nobody", "{\"enabled\": true}", ADMINS, false));
    rows.add(new Row("DELETE", "/api/users/*", "/api/users/nobody", "", ADMINS, false));
    rows.add(new Row("GET", "/api/audit", "/api/audit", null, ADMINS, true));
    rows.add(new Row("GET", "/api/security/bans", "/api/security/bans", null, FLOOR, true));
    rows.add(
        new Row(
            "DELETE", "/api/security/bans/*", "/api/security/bans/192.0.2.77", "", ADMINS, false));
    rows.add(new Row("GET", "/api/reports/volume", "/api/reports/volume", null, FLOOR, true));
    rows.add(new Row("GET", "/api/reports/summary", "/api/reports/summary", null, FLOOR, true));
    rows.add(new Row("GET", "/api/reports/agents", "/api/reports/agents", null, FLOOR, true));
    rows.add(new Row("GET", "/api/reports/calls", "/api/reports/calls", null, FLOOR, false));
    rows.add(
        new Row(
            "GET", WallboardRoute.PATH, WallboardRoute.PATH, null, FLOOR_AND_INTEGRATIONS, true));
    // The pages and their files: open; what they show comes from the routes above.
    for (String[] page :
        new String[][] {
          {"/agent", "/agent/app.js"},
          {"/console", "/console/app.js"},
          {"/wallboard", "/wallboard/wallboard.js"},
          {"/webjars/echarts", "/webjars/echarts/dist/echarts.min.js"},
          {"/shared", "/shared/language.js"}
        }) {
      boolean hasIndex = !page[0].startsWith("/webjars") && !page[0].equals("/shared");
      for (String method : List.of("GET", "HEAD")) {
        rows.add(new Row(method, page[0], page[0], null, OPEN, hasIndex));
        rows.add(new Row(method, page[0] + "/*", page[1], null, OPEN, true));
      }
    }
    rows.add(new Row("GET", "/", "/", null, OPEN, true));
    rows.add(new Row("HEAD", "/", "/", null, OPEN, true));
    return rows;
  }

  @Test
  void everyRoute_answersEachRoleAsTheMatrixSays() throws Exception {
    try (RunningServer server =
        new RunningServer(
            Map.of("hotline.demo.agents", "2", "hotline.cti.integrations", "crm:crm-password-1"))) {
      assertEquals(
          201,
          server
              .send(
                  "POST",
                  "/api/users",
                  "{\"name\": \"lin\", \"role\": \"supervisor\", \"password\": \"supervisor-pw-1\"}")
              .statusCode());
      Map<String, String> auth = new LinkedHashMap<>();
      auth.put("none", null);
      auth.put("agent", basic("1001", "hotline"));
      auth.put("integration", basic("crm", "crm-password-1"));
      auth.put("supervisor", basic("lin", "supervisor-pw-1"));
      auth.put("admin", server.authorization());

      Set<String> registered = new TreeSet<>();
      for (Router.RouteInfo r : server.server.routes()) {
        registered.add(r.method() + " " + r.path() + (r.webSocket() ? " (WebSocket)" : ""));
      }
      Set<String> listed = new TreeSet<>();
      matrix().forEach(row -> listed.add(row.method() + " " + row.pattern()));
      listed.add("GET /cti (WebSocket)");
      assertEquals(
          listed,
          registered,
          "every route the server registers is in the matrix (and docs/security.md), and no other");
      Router.RouteInfo cti =
          server.server.routes().stream()
              .filter(Router.RouteInfo::webSocket)
              .findFirst()
              .orElseThrow();
      assertEquals("supervisor, agent, integration", cti.access().toString());

      List<String> wrong = new ArrayList<>();
      for (Row row : matrix()) {
        for (String caller : CALLERS) {
          HttpResponse<String> answer =
              call(server, row.method(), row.path(), row.body(), auth.get(caller));
          int status = answer.statusCode();
          String expected;
          boolean ok;
          if (row.roles().contains(caller)) {
            expected = row.succeeds() ? "2xx" : "past the access check";
            ok =
                row.succeeds() ? status / 100 == 2 : status != 401 && status != 403 && status < 500;
          } else {
            expected = caller.equals("none") ? "401" : "403";
            ok = status == Integer.parseInt(expected) && answer.body().startsWith("{\"error\":");
          }
          if (!ok) {
            wrong.add(
                row.method()
                    + " "
                    + row.path()
                    + " as "
                    + caller
                    + ": "
                    + status
                    + ", expected "
                    + expected
                    + " "
                    + answer.body());
          }
        }
      }
      assertTrue(wrong.isEmpty(), String.join("\n", wrong));

      assertEquals(
          403,
          call(
                  server,
                  "POST",
                  "/api/agents/1002/state",
                  "{\"state\": \"ready\"}",
                  auth.get("agent"))
              .statusCode(),
          "an agent sets no other agent's state");
    }
  }

  @Test
  void users_theLastAdministratorStays_changesAreAudited_withoutPasswords_andGuessingIsSlowedDown()
      throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.demo.agents", "1"))) {
      assertEquals(
          409, server.send("PUT", "/api/users/admin", "{\"enabled\": false}").statusCode());
      assertEquals(
          409, server.send("PUT", "/api/users/admin", "{\"role\": \"supervisor\"}").statusCode());
      assertEquals(409, server.send("DELETE", "/api/users/admin", "").statusCode());
      assertEquals(
          409,
          server
              .send(
                  "POST",
                  "/api/users",
                  "{\"name\": \"1001\", \"role\": \"admin\", \"password\": \"long-enough-pw\"}")
              .statusCode(),
          "a user name may not be an agent id");
      assertEquals(204, server.send("DELETE", "/api/agents/1001", "").statusCode());
      assertEquals(
          409,
          server
              .send(
                  "POST",
                  "/api/users",
                  "{\"name\": \"1001\", \"role\": \"admin\", \"password\": \"long-enough-pw\"}")
              .statusCode(),
          "nor a disabled agent's, which may be enabled again");
      assertEquals(
          201,
          server
              .send(
                  "POST",
                  "/api/users",
                  "{\"name\": \"ops\", \"role\": \"admin\", \"password\": \"ops-secret-pw-9\"}")
              .statusCode());
      assertEquals(
          409,
          server
              .send(
                  "PUT",
                  "/api/agents/ops",
                  "{\"password\": \"agent-pw-1\", \"queues\": {\"support\": 1}}")
              .statusCode(),
          "an agent id may not be a user's name");
      assertEquals(
          200,
          server.send("PUT", "/api/users/admin", "{\"role\": \"supervisor\"}").statusCode(),
          "another admin exists now");

      // admin is a supervisor now: the users API is closed to it, open to ops.
      assertEquals(403, server.send("GET", "/api/users", "").statusCode());
      String ops = basic("ops", "ops-secret-pw-9");
      HttpResponse<String> users = call(server, "GET", "/api/users", null, ops);
      assertEquals(200, users.statusCode());
      assertFalse(users.body().contains("pbkdf2"), "hashes stay in the database");
      assertEquals(
          200,
          call(
                  server,
                  "PUT",
                  "/api/users/admin",
                  "{\"role\": \"admin\", \"password\": \"brand-new-password-7\"}",
                  ops)
              .statusCode());

      JsonNode audit = JSON.readTree(call(server, "GET", "/api/audit?size=100", null, ops).body());
      String entries = audit.get("items").toString();
      assertTrue(audit.get("total").asInt() >= 3, entries);
      JsonNode last = audit.get("items").get(0);
      assertEquals("ops", last.get("actor").asText(), entries);
      assertEquals("PUT /api/users/*", last.get("action").asText(), entries);
      assertEquals("/api/users/admin", last.get("object").asText(), entries);
      assertEquals("127.0.0.1", last.get("remote").asText(), entries);
      assertFalse(
          entries.contains("ops-secret-pw-9") || entries.contains("brand-new-password-7"), entries);

      HttpResponse<String> first = login(server, "ops", "wrong-1");
      HttpResponse<String> second = login(server, "ops", "wrong-2");
      HttpResponse<String> third = login(server, "ops", "ops-secret-pw-9");
      assertEquals(401, first.statusCode());
      assertEquals(401, second.statusCode());
      assertEquals(429, third.statusCode(), "even the right password waits after two wrong ones");
      assertTrue(Integer.parseInt(third.headers().firstValue("Retry-After").orElseThrow()) >= 1);
      String metrics = call(server, "GET", "/metrics", null, ops).body();
      assertTrue(
          metrics
              .lines()
              .anyMatch(
                  l ->
                      l.startsWith("hotline_security_logins_total{result=\"throttled\"} ")
                          && !l.endsWith(" 0.0")),
          "throttled logins are counted");
    }
  }

  private HttpResponse<String> login(RunningServer server, String user, String password)
      throws Exception {
    return call(
        server,
        "POST",
        "/api/login",
        "{\"user\": \"" + user + "\", \"password\": \"" + password + "\"}",
        null);
  }

  /**
   * Sends one request and reads its answer; a stream that opens (200 {@code text/event-stream}) is
   * closed at once, with an empty body.
   */
  private HttpResponse<String> call(
      RunningServer server, String method, String path, String body, String authorization)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(
        b.build(),
        info -> {
          boolean stream =
              info.statusCode() == 200
                  && info.headers()
                      .firstValue("content-type")
                      .orElse("")
                      .startsWith("text/event-stream");
          return stream
              ? new Closing()
              : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
        });
  }

  /** Reads nothing of a never-ending body: cancels it, which closes the connection. */
  private static final class Closing implements HttpResponse.BodySubscriber<String> {
    @Override
    public CompletionStage<String> getBody() {
      return CompletableFuture.completedFuture("");
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.cancel();
    }

    @Override
    public void onNext(List<ByteBuffer> item) {}

    @Override
    public void onError(Throwable throwable) {}

    @Override
    public void onComplete() {}
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
