package org.hotline.admin.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.admin.cti.Session;
import org.hotline.admin.cti.TokenService;
import org.hotline.admin.security.LoginThrottle;
import org.hotline.admin.security.Logins;
import org.hotline.admin.security.RequestGate;
import org.hotline.config.DataSettings;
import org.hotline.core.customer.Customer;
import org.hotline.core.customer.CustomerDirectory;
import org.hotline.core.customer.CustomerDraft;
import org.hotline.core.customer.CustomerRepository;
import org.hotline.core.db.Database;
import org.hotline.core.ticket.TicketIntake;
import org.hotline.core.ticket.TicketRepository;
import org.hotline.core.time.ManualClock;
import org.hotline.core.user.PasswordHash;
import org.hotline.core.user.Role;
import org.hotline.core.user.UserRepository;
import org.hotline.cti.bridge.CtiUsers.User;
import org.hotline.cti.location.CallerLocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketsRouteTest {
  final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T04:00:00Z"));
  final TokenService tokens = new TokenService(clock, Duration.ofHours(12));

  /** Calls and their callers as received. */
  final Map<String, String> calls = Map.of("call-1", "13800138000", "call-2", "13900139000");

  @TempDir Path dir;
  Database db;
  TestServer http;
  Customer wang;
  String agent;
  String csrf;

  @BeforeEach
  void start() {
    db =
        new Database(
            new DataSettings(dir, "jdbc:h2:file:" + dir.resolve("hotline"), "hotline", "", 2));
    CustomerDirectory customers =
        new CustomerDirectory(
            new CustomerRepository(db.dsl(), clock),
            new CallerLocator("CN", "zh"),
            List.of("VIP", "normal"));
    wang =
        customers.create(new CustomerDraft("王芳", "VIP", null, null, null, List.of("13800138000")));
    TicketIntake intake =
        new TicketIntake(
            new TicketRepository(db.dsl(), clock),
            customers,
            id -> Optional.ofNullable(calls.get(id)));
    Logins logins =
        new Logins(
            new UserRepository(db.dsl(), clock),
            (name, password) -> Optional.empty(),
            new PasswordHash(),
            new LoginThrottle(clock, 5, Duration.ofMinutes(15)),
            clock,
            new SimpleMeterRegistry());
    http =
        new TestServer(
            new RequestGate(tokens, logins), router -> new TicketsRoute(intake).addTo(router));
    Session session = tokens.issue(new User("1001", Role.AGENT));
    agent = session.token();
    csrf = session.csrfToken();
  }

  @AfterEach
  void stop() {
    http.close();
    db.close();
  }

  HttpResponse<String> write(String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(http.uri(path)).method(method, BodyPublishers.ofString(body, UTF_8));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b);
  }

  HttpResponse<String> post(String body, String... headers) throws Exception {
    return write("POST", "/api/tickets", body, headers);
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(http.uri(path)).header("Authorization", "Bearer " + agent));
  }

  String cookie() {
    return "hotline_session=" + agent;
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.MAPPER.readTree(response.body());
  }

  @Test
  void post_withTheSessionCookie_opensATicketByThatAgent_linkedToTheCallersCustomer()
      throws Exception {
    HttpResponse<String> created =
        post(
            "{\"title\": \"包裹破损\", \"description\": \"second time\", \"callId\": \"call-1\"}",
            "Cookie",
            cookie(),
            "X-CSRF-Token",
            csrf,
            "Origin",
            "http://" + http.uri("/").getAuthority());

    assertEquals(201, created.statusCode(), created.body());
    JsonNode t = json(created);
    long id = t.get("id").asLong();
    assertEquals("/api/tickets/" + id, created.headers().firstValue("Location").orElseThrow());
    assertEquals("包裹破损", t.get("title").asText());
    assertEquals("open", t.get("status").asText());
    assertEquals("call-1", t.get("callId").asText());
    assertEquals(wang.id(), t.get("customerId").asLong());
    assertEquals("+8613800138000", t.get("caller").asText());
    assertEquals("1001", t.get("createdBy").asText());
    assertEquals("2026-03-01T04:00:00Z", t.get("createdAt").asText());

    HttpResponse<String> got = get("/api/tickets/" + id);
    assertEquals(200, got.statusCode());
    assertEquals(t, json(got));
  }

  @Test
  void post_withABearerToken_fromAnUnknownCaller_keepsTheNumber() throws Exception {
    HttpResponse<String> created =
        post(
            "{\"title\": \"Wants a quote\", \"callId\": \"call-2\", \"createdBy\": \"someone-else\"}",
            "Authorization",
            "Bearer " + agent,
            "Origin",
            "https://elsewhere.example");

    assertEquals(201, created.statusCode(), created.body());
    JsonNode t = json(created);
    assertTrue(t.get("customerId").isNull(), created.body());
    assertEquals("+8613900139000", t.get("caller").asText());
    assertEquals("1001", t.get("createdBy").asText());
  }

  @Test
  void writes_withoutAValidSession_are401_andFromAnotherSitesPage403_andStoreNothing()
      throws Exception {
    String body = "{\"title\": \"x\"}";
    HttpResponse<String> none = post(body);
    assertEquals(401, none.statusCode());
    assertTrue(json(none).get("error").asText().startsWith("log in first"), none.body());
    assertEquals(401, post(body, "Authorization", "Bearer not-a-token").statusCode());
    assertEquals(401, post(body, "Cookie", "hotline_session=not-a-token").statusCode());

    HttpResponse<String> crossSite =
        post(body, "Cookie", cookie(), "X-CSRF-Token", csrf, "Origin", "https://evil.example");
    assertEquals(403, crossSite.statusCode());
    assertTrue(
        json(crossSite).get("error").asText().startsWith("cross-site request refused"),
        crossSite.body());
    assertEquals(
        403,
        post(body, "Cookie", cookie(), "X-CSRF-Token", csrf, "Sec-Fetch-Site", "cross-site")
            .statusCode());
    assertEquals(
        403, post(body, "Cookie", cookie(), "X-CSRF-Token", csrf, "Origin", "null").statusCode());

    clock.advance(Duration.ofHours(12));
    HttpResponse<String> expired = post(body, "Authorization", "Bearer " + agent);
    assertEquals(401, expired.statusCode());
    assertEquals("session expired: log in again", json(expired).get("error").asText());
    assertEquals(401, write("PUT", "/api/tickets/1", "{\"status\": \"closed\"}").statusCode());

    agent = tokens.issue(new User("1001", Role.AGENT)).token();
    assertEquals(0, json(get("/api/tickets")).get("total").asLong());
  }

  @Test
  void cookieWrites_needTheSessionsCsrfToken_readsDoNot_andBearerIsExempt() throws Exception {
    String body = "{\"title\": \"Refund\"}";

    HttpResponse<String> none = post(body, "Cookie", cookie());
    assertEquals(403, none.statusCode());
    assertTrue(json(none).get("error").asText().contains("X-CSRF-Token"));
    assertEquals(403, post(body, "Cookie", cookie(), "X-CSRF-Token", "forged").statusCode());
    assertEquals(403, post(body, "Cookie", cookie(), "X-CSRF-Token", agent).statusCode());
    assertEquals(0, json(get("/api/tickets")).get("total").asLong());

    assertEquals(
        200,
        http.send(HttpRequest.newBuilder(http.uri("/api/tickets")).header("Cookie", cookie()))
            .statusCode());
    assertEquals(201, post(body, "Authorization", "Bearer " + agent).statusCode());
    assertEquals(201, post(body, "Cookie", cookie(), "X-CSRF-Token", csrf).statusCode());
  }

  @Test
  void put_changesTitleDescriptionAndStatus_theRestStays() throws Exception {
    long id =
        json(post(
                "{\"title\": \"Refund\", \"description\": \"ask finance\", \"callId\": \"call-1\"}",
                "Cookie",
                cookie(),
                "X-CSRF-Token",
                csrf))
            .get("id")
            .asLong();
    clock.advance(Duration.ofMinutes(3));

    HttpResponse<String> pending =
        write(
            "PUT",
            "/api/tickets/" + id,
            "{\"status\": \"pending\"}",
            "Cookie",
            cookie(),
            "X-CSRF-Token",
            csrf);
    assertEquals(200, pending.statusCode(), pending.body());
    assertEquals("pending", json(pending).get("status").asText());
    assertEquals("ask finance", json(pending).get("description").asText());
    assertEquals("2026-03-01T04:03:00Z", json(pending).get("updatedAt").asText());

    JsonNode closed =
        json(
            write(
                "PUT",
                "/api/tickets/" + id,
                "{\"title\": \"Refund sent\", \"description\": \"\", \"status\": \"closed\", \"customerId\": 999}",
                "Authorization",
                "Bearer " + agent));
    assertEquals("Refund sent", closed.get("title").asText());
    assertTrue(closed.get("description").isNull());
    assertEquals("closed", closed.get("status").asText());
    assertEquals(wang.id(), closed.get("customerId").asLong());
    assertEquals("2026-03-01T04:00:00Z", closed.get("createdAt").asText());
  }

  @Test
  void get_listsWithFilters_newestFirst_inPages() throws Exception {
    for (String call : List.of("call-1", "call-2", "call-1")) {
      clock.advance(Duration.ofMinutes(1));
      assertEquals(
          201,
          post(
                  "{\"title\": \"about " + call + "\", \"callId\": \"" + call + "\"}",
                  "Cookie",
                  cookie(),
                  "X-CSRF-Token",
                  csrf)
              .statusCode());
    }
    String crm = tokens.issue(new User("crm", Role.INTEGRATION)).token();
    assertEquals(
        201,
        post(
                "{\"title\": \"from the CRM\", \"status\": \"pending\", \"customerId\": "
                    + wang.id()
                    + "}",
                "Authorization",
                "Bearer " + crm)
            .statusCode());

    JsonNode all = json(get("/api/tickets"));
    assertEquals(4, all.get("total").asLong());
    assertEquals(20, all.get("size").asInt());
    assertEquals("from the CRM", all.get("items").get(0).get("title").asText());
    JsonNode wangs = json(get("/api/tickets?customerId=" + wang.id() + "&size=2&page=1"));
    assertEquals(3, wangs.get("total").asLong());
    assertEquals(1, wangs.get("items").size());
    assertEquals("about call-1", wangs.get("items").get(0).get("title").asText());
    assertEquals(2, json(get("/api/tickets?callId=call-1")).get("total").asLong());
    assertEquals(1, json(get("/api/tickets?status=pending")).get("total").asLong());
    assertEquals(1, json(get("/api/tickets?createdBy=crm")).get("total").asLong());
    assertEquals(0, json(get("/api/tickets?callId=call-2&status=closed")).get("total").asLong());
  }

  @Test
  void badInput_isAnswered400NamingTheField_unknownTickets404() throws Exception {
    HttpResponse<String> noTitle =
        post("{\"description\": \"no title\"}", "Cookie", cookie(), "X-CSRF-Token", csrf);
    assertEquals(400, noTitle.statusCode());
    assertEquals("title", json(noTitle).get("parameter").asText(), noTitle.body());
    HttpResponse<String> status =
        post("{\"title\": \"t\", \"status\": \"done\"}", "Cookie", cookie(), "X-CSRF-Token", csrf);
    assertEquals(400, status.statusCode());
    assertEquals(
        "bad parameter status: unknown status 'done'; one of open, pending, closed",
        json(status).get("error").asText());
    assertEquals(
        "customerId",
        json(post(
                "{\"title\": \"t\", \"customerId\": 999}",
                "Cookie",
                cookie(),
                "X-CSRF-Token",
                csrf))
            .get("parameter")
            .asText());
    assertEquals(
        400,
        post(
                "{\"title\": \"t\", \"customerId\": \"abc\"}",
                "Cookie",
                cookie(),
                "X-CSRF-Token",
                csrf)
            .statusCode());
    assertEquals(400, post("not json", "Cookie", cookie(), "X-CSRF-Token", csrf).statusCode());
    assertEquals(400, post("", "Cookie", cookie(), "X-CSRF-Token", csrf).statusCode());
    assertEquals(400, post("[1]", "Cookie", cookie(), "X-CSRF-Token", csrf).statusCode());
    assertEquals(
        400,
        post("{\"title\": \"" + "x".repeat(201) + "\"}", "Cookie", cookie(), "X-CSRF-Token", csrf)
            .statusCode());

    assertEquals(404, get("/api/tickets/42").statusCode());
    assertEquals("no ticket 42", json(get("/api/tickets/42")).get("error").asText());
    assertEquals(400, get("/api/tickets/abc").statusCode());
    assertEquals(400, get("/api/tickets/0").statusCode());
    assertEquals(400, get("/api/tickets?status=done").statusCode());
    assertEquals(400, get("/api/tickets?size=0").statusCode());
    assertEquals(400, get("/api/tickets?customerId=-1").statusCode());
    assertEquals(
        404,
        write(
                "PUT",
                "/api/tickets/42",
                "{\"status\": \"closed\"}",
                "Cookie",
                cookie(),
                "X-CSRF-Token",
                csrf)
            .statusCode());
    HttpResponse<String> nothing =
        write(
            "PUT",
            "/api/tickets/42",
            "{\"callId\": \"c\"}",
            "Cookie",
            cookie(),
            "X-CSRF-Token",
            csrf);
    assertEquals(400, nothing.statusCode());
    assertEquals(
        "nothing to change: send title, description or status",
        json(nothing).get("error").asText());
    assertEquals(
        405,
        write("DELETE", "/api/tickets/42", "", "Cookie", cookie(), "X-CSRF-Token", csrf)
            .statusCode());
  }
}
