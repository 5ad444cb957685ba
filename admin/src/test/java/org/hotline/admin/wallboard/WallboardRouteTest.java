package org.hotline.admin.wallboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.hotline.admin.http.AuditTrail;
import org.hotline.admin.http.Gate;
import org.hotline.admin.http.HttpServer;
import org.hotline.admin.http.Json;
import org.hotline.admin.http.Principal;
import org.hotline.admin.http.Router;
import org.hotline.admin.http.UnauthenticatedException;
import org.hotline.config.HttpSettings;
import org.hotline.core.acd.AcdSnapshot;
import org.hotline.core.acd.QueueStats;
import org.hotline.core.agent.AgentState;
import org.hotline.core.event.AgentEvent;
import org.hotline.core.event.EventBus;
import org.hotline.core.event.QueueEvent;
import org.hotline.core.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The wallboard's event stream on a real HTTP server, read by a real HTTP client: a full snapshot
 * first, one per change after, changes close together sent as one, heartbeats, refusals as plain
 * JSON answers, and a client that does not read dropped.
 */
class WallboardRouteTest {
  private static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final PrometheusMeterRegistry meters =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
  private final EventBus bus = new EventBus();
  private final HttpClient client = HttpClient.newHttpClient();
  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  private WallboardFeed feed;
  private HttpServer server;

  private void start(Duration minGap, Duration heartbeat, boolean allowed) {
    // A gate that knows one supervisor, or nobody (401 for every stream that is not open).
    start(
        minGap,
        heartbeat,
        allowed ? request -> new Principal("lin", Role.SUPERVISOR) : Gate.NOBODY);
  }

  private void start(Duration minGap, Duration heartbeat, Gate gate) {
    feed = new WallboardFeed(bus, timer, clock, meters, minGap, heartbeat);
    Router router = new Router(workers, meters, gate, AuditTrail.NONE);
    new WallboardRoute(feed).addTo(router);
    server = new HttpServer(new HttpSettings("127.0.0.1", 0), router);
    server.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) {
      server.close();
    }
    if (feed != null) {
      feed.close();
    }
    // Not close(): it waits, without bound, for every stream's body to end.
    client.shutdownNow();
    client.awaitTermination(WAIT);
    readers.shutdownNow();
    timer.shutdownNow();
    workers.shutdownNow();
  }

  @Test
  void aStream_startsWithTheFullSnapshot_thenGetsOnePerChange() throws Exception {
    start(Duration.ofMillis(50), Duration.ofSeconds(15), true);
    AcdSnapshot acd =
        new AcdSnapshot(
            Map.of(),
            Map.of("1001", AgentState.AVAILABLE, "1002", AgentState.BREAK),
            Map.of("sales", stats("sales", 0, 0, 0), "support", stats("support", 1, 20, 3)));
    feed.seed(
        () -> CompletableFuture.completedFuture(acd),
        Clock.fixed(T0.minusSeconds(5), ZoneOffset.UTC));

    Events events = open();
    assertEquals(200, events.status);
    assertEquals("text/event-stream; charset=utf-8", events.contentType);
    JsonNode first = events.nextSnapshot();
    assertEquals(2, first.get("queues").size(), first.toString());
    JsonNode support = first.get("queues").get(1);
    assertEquals("support", support.get("queue").asText());
    assertEquals(1, support.get("waiting").asInt());
    assertEquals(25, support.get("longestWaitSeconds").asLong(), "20 s when read, 5 s before now");
    assertEquals(3, support.get("answeredToday").asLong());
    assertEquals(1, first.get("agents").get("available").asInt());
    assertEquals(1, first.get("agents").get("break").asInt());
    assertEquals(0, first.get("agents").get("on_call").asInt());

    // The seeding's own snapshot may still come first, with the same figures.
    bus.publish(new QueueEvent.StatsChanged(stats("support", 0, 0, 4), T0));
    JsonNode next =
        events.nextSnapshotWhere(s -> s.get("queues").get(1).get("answeredToday").asLong() == 4);
    JsonNode after = next.get("queues").get(1);
    assertEquals(0, after.get("waiting").asInt(), next.toString());
    assertEquals(0, after.get("longestWaitSeconds").asLong());

    bus.publish(new AgentEvent.StateChanged("1002", AgentState.BREAK, AgentState.ON_CALL, "", T0));
    JsonNode agents =
        events.nextSnapshotWhere(s -> s.get("agents").get("on_call").asInt() == 1).get("agents");
    assertEquals(0, agents.get("break").asInt(), agents.toString());
    assertEquals(1.0, meters.get("hotline.wallboard.streams").gauge().value());
  }

  @Test
  void changesCloseTogether_goOutAsOneSnapshot_withTheLatestFigures() throws Exception {
    start(Duration.ofMillis(500), Duration.ofSeconds(15), true);
    Events events = open();
    events.nextSnapshot();

    for (int answered = 1; answered <= 100; answered++) {
      bus.publish(new QueueEvent.StatsChanged(stats("sales", 0, 0, answered), T0));
    }
    events.nextSnapshotWhere(s -> s.get("queues").get(0).get("answeredToday").asLong() == 100);
    assertTrue(
        events.snapshots <= 3,
        "100 changes in a burst, " + events.snapshots + " snapshots (the first included)");
  }

  @Test
  void anIdleStream_getsAHeartbeatComment() throws Exception {
    start(Duration.ofMillis(50), Duration.ofMillis(100), true);
    Events events = open();
    events.nextSnapshot();

    String line = events.lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    while (line != null && line.isEmpty()) {
      line = events.lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
    assertEquals(": heartbeat", line);
  }

  @Test
  void aStream_whoseListenerLoggedOut_isClosedAtTheNextHeartbeat() throws Exception {
    AtomicReference<Role> role = new AtomicReference<>(Role.SUPERVISOR);
    start(Duration.ofMillis(50), Duration.ofMillis(100), sessionOf(role));
    Events events = open();
    events.nextSnapshot();
    events.nextHeartbeat();
    events.nextHeartbeat();

    role.set(null);

    assertTrue(events.ended.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the stream ends");
    assertEquals(1.0, meters.get("hotline.wallboard.ended").counter().count());
    awaitTrue(
        () -> meters.get("hotline.wallboard.streams").gauge().value() == 0.0,
        "the stream is forgotten");
  }

  @Test
  void aStream_whoseListenerIsGivenARoleThatMayNotListen_isClosedAtTheNextHeartbeat()
      throws Exception {
    AtomicReference<Role> role = new AtomicReference<>(Role.SUPERVISOR);
    start(Duration.ofMillis(50), Duration.ofMillis(100), sessionOf(role));
    Events events = open();
    events.nextSnapshot();

    role.set(Role.AGENT);

    assertTrue(events.ended.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the stream ends");
  }

  /**
   * A gate that knows user lin with the role {@code role} holds; none (a logout) when it holds
   * null.
   */
  private static Gate sessionOf(AtomicReference<Role> role) {
    return request -> {
      Role now = role.get();
      if (now == null) {
        throw new UnauthenticatedException(HttpResponseStatus.UNAUTHORIZED, "log in first");
      }
      return new Principal("lin", now);
    };
  }

  @Test
  void aRequestTheGuardRefuses_getsItsStatusAndAOneLineError() throws Exception {
    start(Duration.ofMillis(50), Duration.ofSeconds(15), false);

    HttpResponse<String> refused =
        client.send(request().build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(401, refused.statusCode());
    assertEquals("log in first", Json.MAPPER.readTree(refused.body()).get("error").asText());
    HttpResponse<String> post =
        client.send(
            request().POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(405, post.statusCode());
    assertEquals("GET", post.headers().firstValue("allow").orElseThrow());
  }

  @Test
  void aClientThatDoesNotRead_isDropped() throws Exception {
    start(Duration.ZERO, Duration.ofSeconds(15), true);
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4096);
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + WallboardRoute.PATH + " HTTP/1.1\r\nHost: wall\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      awaitTrue(
          () -> meters.get("hotline.wallboard.streams").gauge().value() == 1.0,
          "the stream opened");

      // Snapshots of many queues, one after another, to a client that reads none of them.
      long deadline = System.nanoTime() + WAIT.toNanos();
      int round = 0;
      while (meters.get("hotline.wallboard.dropped").counter().count() == 0
          && System.nanoTime() < deadline) {
        round++;
        for (int q = 0; q < 100; q++) {
          bus.publish(
              new QueueEvent.StatsChanged(
                  stats("queue-with-a-long-name-" + q, q, round, round), T0));
        }
        Thread.sleep(2);
      }

      assertEquals(
          1.0,
          meters.get("hotline.wallboard.dropped").counter().count(),
          "dropped after " + round + " rounds");
      awaitTrue(
          () -> meters.get("hotline.wallboard.streams").gauge().value() == 0.0,
          "the stream closed");
      // The client finds the connection closed once it reads what was sent before.
      InputStream in = socket.getInputStream();
      socket.setSoTimeout((int) WAIT.toMillis());
      byte[] buffer = new byte[64 * 1024];
      while (in.read(buffer) >= 0) {
        // drain to the end
      }
    }
  }

  @Test
  void aRequestPipelinedBehindTheStream_isNotAnsweredIntoIt() throws Exception {
    start(Duration.ofMillis(50), Duration.ofMillis(200), true);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    root.addAppender(logged);
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      String get = "GET " + WallboardRoute.PATH + " HTTP/1.1\r\nHost: wall\r\n\r\n";
      out.write((get + get).getBytes(StandardCharsets.ISO_8859_1));
      out.flush();

      // Until two heartbeats have come: the second request's answer would have been written by
      // then.
      InputStream in = socket.getInputStream();
      StringBuilder seen = new StringBuilder();
      byte[] buffer = new byte[4096];
      while (seen.indexOf(": heartbeat") == seen.lastIndexOf(": heartbeat")) {
        int n = in.read(buffer);
        if (n < 0) {
          break;
        }
        seen.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
      }
      String answer = seen.toString();
      assertTrue(answer.startsWith("HTTP/1.1 200 OK"), answer);
      assertTrue(answer.contains("event: snapshot"), answer);
      assertEquals(
          answer.indexOf("HTTP/1.1"),
          answer.lastIndexOf("HTTP/1.1"),
          "one response head only: " + answer);
    } finally {
      root.detachAppender(logged);
    }
    List<String> warnings =
        logged.list.stream()
            .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
    assertEquals(List.of(), warnings, "the second request is dropped without a fault");
  }

  private static QueueStats stats(String queue, int waiting, long longestWait, long answered) {
    Map<AgentState, Integer> agents = new EnumMap<>(AgentState.class);
    for (AgentState s : AgentState.values()) {
      agents.put(s, 0);
    }
    agents.put(AgentState.AVAILABLE, 1);
    return new QueueStats(
        queue,
        waiting,
        longestWait,
        agents,
        answered + waiting,
        answered,
        0,
        0,
        0,
        0,
        1.0,
        Duration.ofSeconds(20));
  }

  private HttpRequest.Builder request() {
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + WallboardRoute.PATH))
        .timeout(WAIT);
  }

  private Events open() throws IOException, InterruptedException {
    HttpResponse<Stream<String>> response =
        client.send(
            request().timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofLines());
    Events events =
        new Events(response.statusCode(), response.headers().firstValue("content-type").orElse(""));
    readers.execute(
        () -> {
          try (Stream<String> lines = response.body()) {
            lines.forEach(events.lines::add);
          } catch (RuntimeException e) {
            // the stream ended with the test
          }
          events.ended.countDown();
        });
    return events;
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(10);
    }
  }

  /** The lines of one stream as they come. */
  private static final class Events {
    final int status;
    final String contentType;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final CountDownLatch ended = new CountDownLatch(1);
    int snapshots;

    Events(int status, String contentType) {
      this.status = status;
      this.contentType = contentType;
    }

    /** The next snapshot that {@code wanted} holds for, failing after {@link #WAIT} without one. */
    JsonNode nextSnapshotWhere(java.util.function.Predicate<JsonNode> wanted) throws Exception {
      long deadline = System.nanoTime() + WAIT.toNanos();
      JsonNode snapshot = nextSnapshot();
      while (!wanted.test(snapshot)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no such snapshot within " + WAIT + "; the last: " + snapshot);
        }
        snapshot = nextSnapshot();
      }
      return snapshot;
    }

    /** Skips to the next heartbeat comment, failing after {@link #WAIT}. */
    void nextHeartbeat() throws InterruptedException {
      String line;
      do {
        line = lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
          throw new AssertionError("no heartbeat within " + WAIT);
        }
      } while (!line.equals(": heartbeat"));
    }

    /** The data of the next {@code snapshot} event, failing after {@link #WAIT}. */
    JsonNode nextSnapshot() throws Exception {
      List<String> seen = new ArrayList<>();
      String event = null;
      while (true) {
        String line = lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
          throw new AssertionError("no snapshot within " + WAIT + "; lines: " + seen);
        }
        seen.add(line);
        if (line.startsWith("event: ")) {
          event = line.substring(7);
        } else if (line.startsWith("data: ") && "snapshot".equals(event)) {
          snapshots++;
          return Json.MAPPER.readTree(line.substring(6));
        }
      }
    }
  }
}
