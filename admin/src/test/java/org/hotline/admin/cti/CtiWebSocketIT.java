package org.hotline.admin.cti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.hotline.admin.http.Access;
import org.hotline.admin.http.AuditTrail;
import org.hotline.admin.http.HttpServer;
import org.hotline.admin.http.Json;
import org.hotline.admin.http.Router;
import org.hotline.admin.security.LoginRoute;
import org.hotline.admin.security.LoginThrottle;
import org.hotline.admin.security.Logins;
import org.hotline.admin.security.RequestGate;
import org.hotline.config.DataSettings;
import org.hotline.config.HttpSettings;
import org.hotline.core.db.Database;
import org.hotline.core.time.ManualClock;
import org.hotline.core.user.PasswordHash;
import org.hotline.core.user.Role;
import org.hotline.core.user.UserRepository;
import org.hotline.cti.bridge.CtiUsers;
import org.hotline.cti.protocol.CtiCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CTI transport over real sockets: an {@link HttpServer} on 127.0.0.1 with the login routes and
 * the {@code /cti} WebSocket over a fake bridge, driven by java.net.http clients.
 */
@Timeout(60)
class CtiWebSocketIT {
  static final Duration TTL = Duration.ofHours(12);

  final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T08:00:00Z"));
  final TokenService tokens = new TokenService(clock, TTL);
  final FakeCti bridge = new FakeCti();
  final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  HttpServer server;
  Router router;
  Database db;
  @TempDir Path dir;

  @BeforeEach
  void start() {
    db =
        new Database(
            new DataSettings(dir, "jdbc:h2:file:" + dir.resolve("hotline"), "hotline", "", 2));
    Logins logins =
        new Logins(
            new UserRepository(db.dsl(), clock),
            bridge,
            new PasswordHash(),
            new LoginThrottle(clock, 5, Duration.ofMinutes(15)),
            clock,
            meters);
    router = new Router(workers, meters, new RequestGate(tokens, logins), AuditTrail.NONE);
    new LoginRoute(tokens, logins, false).addTo(router);
    Access access = Access.roles(Role.AGENT, Role.INTEGRATION, Role.SUPERVISOR);
    router.webSocket(
        CtiEndpoint.PATH,
        access,
        new CtiEndpoint(tokens, bridge, bridge, workers, meters, Duration.ofMillis(50)));
    server = new HttpServer(new HttpSettings("127.0.0.1", 0), router);
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    workers.close();
    db.close();
    http.shutdownNow();
  }

  @Test
  void login_withTheRightPassword_givesATokenAndTheCookie_andTheWrongOne401() throws Exception {
    HttpResponse<String> ok = login("1001", "pw");
    HttpResponse<String> wrong = login("1001", "nope");

    assertEquals(200, ok.statusCode());
    String token = Json.MAPPER.readTree(ok.body()).get("token").asText();
    assertEquals(
        java.util.Set.of("hotline_session=" + token, "httponly", "samesite=strict", "path=/"),
        SessionCookieTest.parts(ok.headers().firstValue("set-cookie").orElseThrow()));
    assertEquals(401, wrong.statusCode());
    assertEquals(
        "wrong user or password", Json.MAPPER.readTree(wrong.body()).get("error").asText());
  }

  @Test
  void administrator_isRefusedWith4403_supervisorConnects() throws Exception {
    String admin = tokens.issue(new CtiUsers.User("root", Role.ADMIN)).token();
    String supervisor = tokens.issue(new CtiUsers.User("lin", Role.SUPERVISOR)).token();

    assertEquals(
        new WsClient.Close(4403, "not allowed"),
        WsClient.connect(http, cti("?token=" + admin), Map.of(), true).close());
    WsClient watcher = WsClient.connect(http, cti("?token=" + supervisor), Map.of(), true);
    awaitConnections(1);

    bridge.publish(FakeCti.agentState("1002"));

    assertEquals("agent-state", watcher.next().get("type").asText());
  }

  @Test
  void connection_withTheSessionCookie_receivesMessages() throws Exception {
    String cookie =
        login("1001", "pw").headers().firstValue("set-cookie").orElseThrow().split(";")[0];
    WsClient agent = WsClient.connect(http, cti(""), Map.of("Cookie", cookie), true);
    awaitConnections(1);

    bridge.publish(FakeCti.queueStats("sales", 2));

    JsonNode message = agent.next();
    assertEquals("queue-stats", message.get("type").asText());
    assertEquals(2, message.get("waiting").asInt());
  }

  @Test
  void connection_withTheCookie_fromAnotherSitesPage_isClosed4401() throws Exception {
    String cookie =
        login("1001", "pw").headers().firstValue("set-cookie").orElseThrow().split(";")[0];

    WsClient agent =
        WsClient.connect(
            http, cti(""), Map.of("Cookie", cookie, "Origin", "https://evil.example"), true);

    assertEquals(new WsClient.Close(4401, "log in first"), agent.close());
  }

  @Test
  void connection_withTheTokenInTheQuery_receivesMessages() throws Exception {
    WsClient crm = connect("crm", "crm-pw");

    // Published the moment the client has its handshake answer: the server subscribed it before
    // answering, so nothing published from then on is lost.
    bridge.publish(FakeCti.agentState("1001"));

    JsonNode message = crm.next();
    assertEquals("agent-state", message.get("type").asText());
    assertEquals("1001", message.get("agentId").asText());
  }

  @Test
  void connection_withoutAToken_orWithAnUnknownOne_isClosed4401() throws Exception {
    assertEquals(
        new WsClient.Close(4401, "log in first"),
        WsClient.connect(http, cti(""), Map.of(), true).close());
    assertEquals(
        new WsClient.Close(4401, "log in first"),
        WsClient.connect(http, cti("?token=forged"), Map.of(), true).close());
    assertEquals(
        2.0, meters.get("hotline.cti.closes").tag("reason", "unauthenticated").counter().count());
  }

  @Test
  void connection_withAnExpiredToken_isClosed4408() throws Exception {
    String token = token("1001", "pw");
    clock.advance(TTL);

    WsClient agent = WsClient.connect(http, cti("?token=" + token), Map.of(), true);

    assertEquals(new WsClient.Close(4408, "session expired"), agent.close());
  }

  @Test
  void connection_whoseTokenExpiresMeanwhile_isClosed4408() throws Exception {
    WsClient agent = connect("1001", "pw");

    clock.advance(TTL);

    assertEquals(new WsClient.Close(4408, "session expired"), agent.close());
    awaitConnections(0);
  }

  @Test
  void connection_whoseUserLogsOut_isClosed4401() throws Exception {
    String token = token("1001", "pw");
    WsClient agent = WsClient.connect(http, cti("?token=" + token), Map.of(), true);

    http.send(
        HttpRequest.newBuilder(uri("/api/logout"))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(new WsClient.Close(4401, "logged out"), agent.close());
  }

  @Test
  void connection_whoseUsersSessionsAreEnded_isClosed4401_atOnce_notAtItsNextCheck()
      throws Exception {
    Access access = Access.roles(Role.AGENT);
    router.webSocket(
        "/cti-hourly",
        access,
        new CtiEndpoint(tokens, bridge, bridge, workers, meters, Duration.ofHours(1)));
    String token = token("1001", "pw");
    WsClient agent =
        WsClient.connect(
            http,
            URI.create("ws://127.0.0.1:" + server.port() + "/cti-hourly?token=" + token),
            Map.of(),
            true);

    tokens.endAllOf("1001");

    assertEquals(new WsClient.Close(4401, "logged out"), agent.close());
  }

  @Test
  void agent_seesOnlyTheirOwnScreenPops_andTheIntegrationSeesEveryAgents() throws Exception {
    WsClient agentA = connect("1001", "pw");
    WsClient agentB = connect("1002", "pw");
    WsClient crm = connect("crm", "crm-pw");
    awaitConnections(3);

    bridge.publish(FakeCti.screenPop("1002", "call-b"));
    bridge.publish(FakeCti.screenPop("1001", "call-a"));

    assertEquals("call-a", agentA.next().get("callId").asText());
    assertEquals("call-b", agentB.next().get("callId").asText());
    assertEquals("call-b", crm.next().get("callId").asText());
    assertEquals("call-a", crm.next().get("callId").asText());
    bridge.publish(FakeCti.queueStats("sales", 0));
    assertEquals(
        "queue-stats", agentA.next().get("type").asText(), "agent A saw agent B's screen-pop");
    assertEquals(
        "queue-stats", agentB.next().get("type").asText(), "agent B saw agent A's screen-pop");
  }

  @Test
  void commands_areAnsweredByReplyOrError_andTheConnectionStaysOpen() throws Exception {
    WsClient agent = connect("1001", "pw");

    agent.send("{\"type\": \"set-state\", \"id\": \"c1\", \"state\": \"ready\"}");
    JsonNode reply = agent.next();
    agent.send("{\"type\": \"hangup\", \"id\": \"c2\"}");
    JsonNode refused = agent.next();
    agent.send(
        "{\"type\": \"set-state\", \"id\": \"c3\", \"agentId\": \"1002\", \"state\": \"ready\"}");
    JsonNode forbidden = agent.next();
    agent.send("this is not json");
    JsonNode badJson = agent.next();
    agent.socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get();
    JsonNode binary = agent.next();
    agent.send("{\"type\": \"set-state\", \"id\": \"c4\", \"state\": \"logout\"}");
    JsonNode after = agent.next();

    assertEquals("reply", reply.get("type").asText());
    assertEquals("c1", reply.get("id").asText());
    assertEquals("available", reply.get("state").asText());
    assertEquals(
        new FakeCti.Call("1001", new CtiCommand.SetState("available", null)), bridge.calls.get(0));
    assertEquals("c2", refused.get("id").asText());
    assertEquals("not-on-a-call", refused.get("code").asText());
    assertEquals("forbidden", forbidden.get("code").asText());
    assertEquals("bad-json", badJson.get("code").asText());
    assertEquals("bad-frame", binary.get("code").asText());
    assertEquals("c4", after.get("id").asText());
    assertFalse(agent.closed.isDone());
  }

  @Test
  void messageLongerThan64KiB_isClosed1009() throws Exception {
    WsClient agent = connect("1001", "pw");

    agent.socket.sendText("{\"type\": \"hangup\", \"pad\": \"" + "x".repeat(70_000) + "\"}", true);

    assertEquals(1009, agent.close().code());
  }

  @Test
  void clientThatDoesNotRead_isClosed1008PastTheBacklog_whileTheOthersGetEverything()
      throws Exception {
    WsClient slow =
        WsClient.connect(http, cti("?token=" + token("crm", "crm-pw")), Map.of(), false);
    WsClient fast = connect("1001", "pw");
    awaitConnections(2);
    String pad = "x".repeat(32 * 1024);
    int count = 3 * CtiConnection.MAX_PENDING;

    for (int i = 0; i < count; i++) {
      bridge.publish(FakeCti.queueStats(pad, i));
      assertEquals(i, fast.next().get("waiting").asInt());
    }
    await(() -> meters.find("hotline.cti.closes").tag("reason", "too-slow").counter() != null);
    slow.readAll();
    assertEquals(new WsClient.Close(1008, "too slow"), slow.close());
    // What it got: what the sockets held when it stopped reading, then the backlog; not the rest.
    int got = slow.messages.size();
    assertTrue(got > CtiConnection.MAX_PENDING && got < count, "slow client got " + got);
    assertFalse(fast.closed.isDone());
  }

  HttpResponse<String> login(String user, String password) throws Exception {
    String body = Json.MAPPER.writeValueAsString(Map.of("user", user, "password", password));
    return http.send(
        HttpRequest.newBuilder(uri("/api/login"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  String token(String user, String password) throws Exception {
    return Json.MAPPER.readTree(login(user, password).body()).get("token").asText();
  }

  WsClient connect(String user, String password) throws Exception {
    return WsClient.connect(http, cti("?token=" + token(user, password)), Map.of(), true);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  URI cti(String query) {
    return URI.create("ws://127.0.0.1:" + server.port() + CtiEndpoint.PATH + query);
  }

  /** Waits until as many connections are open and subscribed. */
  void awaitConnections(int n) throws InterruptedException {
    await(() -> meters.get("hotline.cti.connections").gauge().value() == n);
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "condition not met within 10 s");
      Thread.sleep(10);
    }
  }
}
