package org.hotline.admin.http;

import static org.hotline.core.user.Role.ADMIN;
import static org.hotline.core.user.Role.AGENT;
import static org.hotline.core.user.Role.INTEGRATION;
import static org.hotline.core.user.Role.SUPERVISOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every route says who may use it, and the router holds it to that. */
class RouterAccessTest {
  TestServer http;

  @BeforeEach
  void start() {
    http = new TestServer(router -> router
        .get("/open", Access.open(), r -> Response.json(HttpResponseStatus.OK, Map.of("who", String.valueOf(r.principal()))))
        .get("/floor", Access.roles(SUPERVISOR, ADMIN), r -> Response.json(HttpResponseStatus.OK, Map.of("who", r.principal().name())))
        .post("/agents/*", Access.roles(SUPERVISOR).orOwn(AGENT, r -> r.path().substring("/agents/".length())),
            r -> Response.json(HttpResponseStatus.ACCEPTED, Map.of()))
        .route(HttpMethod.DELETE, "/things/*", Access.roles(ADMIN),
            r -> r.path().endsWith("/missing") ? Response.error(HttpResponseStatus.NOT_FOUND, "no") : Response.json(HttpResponseStatus.OK, Map.of())));
  }

  @AfterEach
  void stop() {
    http.close();
  }

  HttpResponse<String> send(String method, String path, String user) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(http.uri(path)).method(method, HttpRequest.BodyPublishers.noBody());
    if (user != null) {
      b.header("X-Test-User", user);
    }
    return http.send(b);
  }

  @Test
  void aRouteWithoutAccess_cannotBeRegistered() {
    Router router = new Router(Runnable::run, new SimpleMeterRegistry());

    assertThrows(NullPointerException.class, () -> router.get("/x", null, r -> null));
    assertThrows(NullPointerException.class, () -> router.route(HttpMethod.PUT, "/x", null, r -> null));
    assertThrows(NullPointerException.class, () -> router.webSocket("/ws", null, (ctx, request) -> ctx.close()));
    assertThrows(IllegalArgumentException.class, () -> Access.roles());
    assertTrue(router.routes().isEmpty());
  }

  @Test
  void withoutAGate_everyRouteThatIsNotOpen_is401() throws Exception {
    try (TestServer closed = new TestServer(Gate.NOBODY, router -> router
        .get("/open", Access.open(), r -> Response.json(HttpResponseStatus.OK, Map.of()))
        .get("/floor", Access.roles(SUPERVISOR), r -> Response.json(HttpResponseStatus.OK, Map.of())))) {
      assertEquals(200, closed.get("/open").statusCode());
      HttpResponse<String> refused = closed.get("/floor");
      assertEquals(401, refused.statusCode());
      assertTrue(refused.body().startsWith("{\"error\":"));
      assertEquals(1.0, closed.meters.get("hotline.http.refused").tag("status", "401").counter().count());
    }
  }

  @Test
  void aRoleTheRouteDoesNotName_is403_theOthersGetThrough_withTheirName() throws Exception {
    assertEquals(403, send("GET", "/floor", "1001 agent").statusCode());
    assertEquals(403, send("GET", "/floor", "crm integration").statusCode());
    HttpResponse<String> lin = send("GET", "/floor", "lin supervisor");
    assertEquals(200, lin.statusCode());
    assertTrue(lin.body().contains("\"lin\""));
    assertEquals(200, send("GET", "/floor", "root admin").statusCode());
    assertEquals("{\"who\":\"null\"}", send("GET", "/open", null).body());
  }

  @Test
  void anOwnerRole_mayUseTheRouteOnItsOwnObjectOnly() throws Exception {
    assertEquals(202, send("POST", "/agents/1001", "1001 agent").statusCode());
    assertEquals(403, send("POST", "/agents/1002", "1001 agent").statusCode());
    assertEquals(202, send("POST", "/agents/1002", "lin supervisor").statusCode());
    assertEquals(403, send("POST", "/agents/1002", "root admin").statusCode());
  }

  @Test
  void successfulWrites_areAudited_readsAndFailuresAreNot() throws Exception {
    send("GET", "/floor", "lin supervisor");
    send("DELETE", "/things/missing", "root admin");
    send("DELETE", "/things/7", "1001 agent");
    send("DELETE", "/things/7", "root admin");

    assertEquals(List.of("root DELETE /things/* /things/7"), http.audited);
  }

  @Test
  void routes_listsEveryRouteWithItsAccess_byPath() {
    List<String> routes = http.router.routes().stream().map(r -> r.method() + " " + r.path() + " " + r.access()).toList();

    assertEquals(
        List.of("POST /agents/* supervisor, agent (own)", "GET /floor admin, supervisor", "GET /open open", "DELETE /things/* admin"),
        routes);
    assertTrue(Access.roles(INTEGRATION).admits(INTEGRATION));
  }
}
