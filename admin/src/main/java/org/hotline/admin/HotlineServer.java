package org.hotline.admin;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.hotline.admin.assembly.AcdRoutes;
import org.hotline.admin.assembly.CtiLayer;
import org.hotline.admin.assembly.DataLayer;
import org.hotline.admin.assembly.IvrLayer;
import org.hotline.admin.assembly.Node;
import org.hotline.admin.assembly.SecurityLayer;
import org.hotline.admin.assembly.Telephony;
import org.hotline.admin.assembly.WebRoutes;
import org.hotline.admin.http.HttpServer;
import org.hotline.admin.http.Router;
import org.hotline.admin.wallboard.WallboardFeed;
import org.hotline.config.HotlineConfig;
import org.hotline.core.db.Database;
import org.hotline.core.event.EventBus;
import org.hotline.cti.feed.CtiEvents;
import org.hotline.ivr.flows.Flows;
import org.hotline.ivr.flows.ReloadResult;
import org.hotline.sip.call.CallLayer;
import org.hotline.sip.media.MediaServer;
import org.hotline.sip.stack.SipServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every service of a Hotline node from its configuration with plain
 * constructors, starts them in order, and drains and stops them in reverse.
 */
public final class HotlineServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HotlineServer.class);

  private final HotlineConfig config;
  private final Clock clock;
  private final PrometheusMeterRegistry metrics =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final EventBus bus = new EventBus();
  private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService timers =
      Executors.newScheduledThreadPool(
          1, Thread.ofPlatform().name("hotline-timer").daemon().factory());
  private final ScheduledExecutorService acdThread =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("hotline-acd").daemon().factory());

  private Database database;
  private MediaServer media;
  private SipServer sip;
  private CallLayer callLayer;

  /** Set as the server starts; read by reloads, which may come from a signal's thread. */
  private volatile Flows flows;

  private CtiEvents ctiEvents;
  private WallboardFeed wallboard;
  private HttpServer http;
  private Router router;
  private volatile boolean ready;

  public HotlineServer(HotlineConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /**
   * Starts the database, HTTP, media and SIP; returns once all listen. Each layer is built from the
   * ones before it, with plain constructors; SIP opens last, once everything a call needs runs.
   */
  public void start() throws Exception {
    database = new Database(config.data());
    Node node = new Node(config, clock, metrics, bus, calls, timers, acdThread, database);
    DataLayer data = DataLayer.open(node);
    SecurityLayer security = SecurityLayer.open(node, data);
    router = WebRoutes.build(node, data, security, this::problem, this::reloadFlows);
    // Listens from now on, so the wallboard misses no change made while the rest starts.
    wallboard = new WallboardFeed(bus, timers, clock, metrics);
    flows = IvrLayer.load(node, data, security);
    http = new HttpServer(config.http(), router);
    http.start();

    String advertised = advertisedHost();
    Telephony telephony = Telephony.open(node, data, security, flows, advertised);
    media = telephony.media();
    sip = telephony.sip();
    callLayer = telephony.calls();
    metrics.gauge("hotline.health.up", this, server -> server.problem().isEmpty() ? 1 : 0);
    AcdRoutes.addTo(router, node, data, security, telephony);
    wallboard.seed(telephony.acd()::snapshot, clock);
    ctiEvents = CtiLayer.open(router, node, data, security, telephony, wallboard);

    telephony.listen(node);
    ready = true;
    log.info("{}", new StartBanner(config, advertised, http.port()).text());
  }

  /** Why the node cannot serve calls now, or empty: {@code /health}'s answer. */
  private Optional<String> problem() {
    if (!ready) {
      return Optional.of(sip == null ? "starting" : "stopped");
    }
    if (!database.isUp()) {
      return Optional.of("the database does not answer");
    }
    return sip.problem();
  }

  /**
   * Re-reads the IVR flows file; calls in progress finish on the flows they started with.
   *
   * @return what is now served
   * @throws IllegalArgumentException with the one-line reason when the file is refused (the flows
   *     in service stay)
   * @throws IllegalStateException before the start has read the flows file
   */
  public String reloadFlows() {
    Flows current = flows;
    if (current == null) {
      throw new IllegalStateException(
          "the server is starting: it reads the flows file as it starts");
    }
    ReloadResult result = current.reload();
    if (!result.ok()) {
      log.error("flows reload refused: {}", result.message());
      throw new IllegalArgumentException(result.message());
    }
    log.info("flows reloaded: {}", result.message());
    return result.message();
  }

  /** The configuration the server runs with. */
  public HotlineConfig config() {
    return config;
  }

  /** Every HTTP and WebSocket route and who may use it; empty before {@link #start()}. */
  public List<Router.RouteInfo> routes() {
    return router == null ? List.of() : router.routes();
  }

  /** The bound HTTP port (useful when configured as 0). */
  public int httpPort() {
    return http.port();
  }

  public PrometheusMeterRegistry metrics() {
    return metrics;
  }

  public EventBus events() {
    return bus;
  }

  public Database database() {
    return database;
  }

  public MediaServer media() {
    return media;
  }

  /**
   * Drains and stops: no new calls, live calls end (after the configured grace) with their CDRs
   * written, then SIP, media, HTTP and the database close.
   */
  @Override
  public void close() {
    ready = false;
    try {
      if (callLayer != null && !callLayer.drain(config.shutdownGrace(), Duration.ofSeconds(10))) {
        log.warn("calls still unfinished at shutdown: {}", callLayer.activeCallIds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly(sip);
    closeQuietly(media);
    closeQuietly(ctiEvents);
    closeQuietly(wallboard);
    closeQuietly(http);
    timers.shutdownNow();
    acdThread.shutdownNow();
    calls.shutdownNow();
    closeQuietly(database);
    log.info("Hotline stopped");
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      log.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
    }
  }

  /**
   * Where peers reach us: the configured address, the bind address, or this machine's first IPv4.
   */
  private String advertisedHost() throws SocketException {
    if (!config.sip().advertisedHost().isEmpty()) {
      return config.sip().advertisedHost();
    }
    if (!config.sip().host().equals("0.0.0.0")) {
      return config.sip().host();
    }
    for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nif.isUp() || nif.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(nif.getInetAddresses())) {
        if (a instanceof Inet4Address) {
          return a.getHostAddress();
        }
      }
    }
    return "127.0.0.1";
  }
}
