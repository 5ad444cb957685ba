package org.hotline.admin.http;

import static org.hotline.core.user.Role.ADMIN;
import static org.hotline.core.user.Role.AGENT;
import static org.hotline.core.user.Role.INTEGRATION;
import static org.hotline.core.user.Role.SUPERVISOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every route says who may use it, and the router holds it to that. */
class RouterAccessTest {
  TestServer http;

  @BeforeEach
  void start() {
    http =
        new TestServer(
            router ->
                router
                    .get(
                        "/open",
                        Access.open(),
                        r ->
                            Response.json(
                                HttpResponseStatus.OK,
                                Map.of("who", String.valueOf(r.principal()))))
                    .get(
                        "/floor",
                        Access.roles(SUPERVISOR, ADMIN),
                        r ->
                            Response.json(
                                HttpResponseStatus.OK, Map.of("who", r.principal().name())))
                    .post(
                        "/agents/*",
                        Access.roles(SUPERVISOR)
                            .orOwn(AGENT, r -> r.path().substring("/agents/".length())),
                        r -> Response.json(HttpResponseStatus.ACCEPTED, Map.of()))
                    .route(
                        HttpMethod.DELETE,
                        "/things/*",
                        Access.roles(ADMIN),
                        r ->
                            r.path().endsWith("/missing")
                                ? Response.error(HttpResponseStatus.NOT_FOUND, "no")
                                : Response.json(HttpResponseStatus.OK, Map.of())));
  }

  @AfterEach
  void stop() {
    http.close();
  }

  HttpResponse<String> send(String method, String path, String user) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(http.uri(path)).method(method, HttpRequest.BodyPublishers.noBody());
    if (user != null) {
      b.header("X-Test-User", user);
    }
    return http.send(b);
  }

  @Test
  void aRouteWithoutAccess_cannotBeRegistered() {
    Router router = new Router(Runnable::run, new SimpleMeterRegistry());

    assertThrows(NullPointerException.class, () -> router.get("/x", null, r -> null));
    assertThrows(
        NullPointerException.class, () -> router.route(HttpMethod.PUT, "/x", null, r -> null));
    assertThrows(
        NullPointerException.class, () -> router.webSocket("/ws", null, TestWebSocket.closing()));
    assertThrows(IllegalArgumentException.class, () -> Access.roles());
    assertTrue(router.routes().isEmpty());
  }

  @Test
  void withoutAGate_everyRouteThatIsNotOpen_is401() throws Exception {
    try (TestServer closed =
        new TestServer(
            Gate.NOBODY,
            router ->
                router
                    .get(
                        "/open", Access.open(), r -> Response.json(HttpResponseStatus.OK, Map.of()))
                    .get(
                        "/floor",
                        Access.roles(SUPERVISOR),
                        r -> Response.json(HttpResponseStatus.OK, Map.of())))) {
      assertEquals(200, closed.get("/open").statusCode());
      HttpResponse<String> refused = closed.get("/floor");
      assertEquals(401, refused.statusCode());
      assertTrue(refused.body().startsWith("{\"error\":"));
      assertEquals(
          1.0, closed.meters.get("hotline.http.refused").tag("status", "401").counter().count());
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
    List<String> routes =
        http.router.routes().stream()
            .map(r -> r.method() + " " + r.path() + " " + r.access())
            .toList();

    assertEquals(
        List.of(
            "POST /agents/* supervisor, agent (own)",
            "GET /floor admin, supervisor",
            "GET /open open",
            "DELETE /things/* admin"),
        routes);
    assertTrue(Access.roles(INTEGRATION).admits(INTEGRATION));
  }

  @Test
  void aWebSocketUpgrade_passesTheSameAccessCheck_andARefusedOneIsClosedByItsRoute()
      throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    http.router.webSocket(
        "/ws",
        Access.roles(SUPERVISOR),
        new WebSocketRoute() {
          @Override
          public int maxMessage() {
            return 1024;
          }

          @Override
          public void open(ChannelPipeline pipeline, Request request) {
            seen.add("open " + request.principal().name());
            pipeline.addLast(
                new ChannelInboundHandlerAdapter() {
                  @Override
                  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                    if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                      ctx.writeAndFlush(
                              new CloseWebSocketFrame(4000, "hello " + request.principal().name()))
                          .addListener(ChannelFutureListener.CLOSE);
                    }
                  }
                });
          }

          @Override
          public void refuse(Channel channel, UnauthenticatedException why) {
            seen.add("refused " + why.status().code());
            channel
                .writeAndFlush(new CloseWebSocketFrame(4000 + why.status().code(), "no"))
                .addListener(ChannelFutureListener.CLOSE);
          }
        });

    assertEquals("4403 no", closeOf("/ws", "1001 agent"));
    assertEquals("4000 hello lin", closeOf("/ws", "lin supervisor"));
    assertEquals(List.of("refused 403", "open lin"), seen);
    assertEquals(
        1.0, http.meters.get("hotline.http.refused").tag("status", "403").counter().count());
    assertEquals(426, http.get("/ws").statusCode(), "without an upgrade");
  }

  @Test
  void routes_listStreamsAndWebSockets_withTheOthers_eachOfItsKind() {
    http.router.webSocket("/ws", Access.roles(SUPERVISOR), TestWebSocket.closing());
    http.router.stream(
        "/events",
        Access.roles(ADMIN),
        new StreamRoute() {
          @Override
          public Response check(Request request) {
            return null;
          }

          @Override
          public void open(Channel channel, Request request, Admission admission) {
            channel.close();
          }
        });
    http.router.upload(
        "/upload",
        Access.roles(ADMIN),
        10,
        (request, body) -> Response.json(HttpResponseStatus.OK, Map.of()));

    List<String> routes =
        http.router.routes().stream()
            .map(r -> r.method() + " " + r.path() + " " + r.kind() + " " + r.webSocket())
            .toList();

    assertEquals(
        List.of(
            "POST /agents/* plain false",
            "GET /events stream false",
            "GET /floor plain false",
            "GET /open plain false",
            "DELETE /things/* plain false",
            "POST /upload upload false",
            "GET /ws websocket true"),
        routes);
    assertThrows(
        IllegalArgumentException.class,
        () -> http.router.post("/events", Access.roles(ADMIN), r -> null),
        "a stream's path is its own");
    assertThrows(
        IllegalArgumentException.class,
        () -> http.router.webSocket("/floor", Access.roles(ADMIN), TestWebSocket.closing()));
    assertThrows(
        IllegalArgumentException.class,
        () -> http.router.webSocket("/ws/*", Access.roles(ADMIN), TestWebSocket.closing()));
  }

  /**
   * The close code and reason the server sends a WebSocket of {@code path} opened as {@code user}.
   */
  String closeOf(String path, String user) throws Exception {
    CompletableFuture<String> closed = new CompletableFuture<>();
    http.client
        .newWebSocketBuilder()
        .header("X-Test-User", user)
        .buildAsync(
            URI.create("ws://127.0.0.1:" + http.server.port() + path),
            new WebSocket.Listener() {
              @Override
              public CompletionStage<?> onClose(
                  WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode + " " + reason);
                return null;
              }
            })
        .get(5, TimeUnit.SECONDS);
    return closed.get(5, TimeUnit.SECONDS);
  }
}
