package org.hotline.admin;

import static org.hotline.core.user.Role.ADMIN;
import static org.hotline.core.user.Role.AGENT;
import static org.hotline.core.user.Role.INTEGRATION;
import static org.hotline.core.user.Role.SUPERVISOR;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sip.message.Request;
import org.hotline.config.HotlineConfig;
import org.hotline.core.acd.Acd;
import org.hotline.core.acd.AcdPolicy;
import org.hotline.core.acd.QueueSettingsRepository;
import org.hotline.core.agent.Agent;
import org.hotline.core.agent.AgentEventRecorder;
import org.hotline.core.agent.AgentEventRepository;
import org.hotline.core.agent.AgentRepository;
import org.hotline.core.callback.CallbackRepository;
import org.hotline.core.cdr.Cdr;
import org.hotline.core.cdr.CdrRepository;
import org.hotline.core.customer.Customer;
import org.hotline.core.customer.CustomerDirectory;
import org.hotline.core.customer.CustomerRepository;
import org.hotline.core.db.Database;
import org.hotline.core.dial.DialAuditLog;
import org.hotline.core.dial.DialGuard;
import org.hotline.core.dial.DialPolicy;
import org.hotline.core.event.EventBus;
import org.hotline.core.report.ReportRepository;
import org.hotline.core.ticket.CallNumbers;
import org.hotline.core.ticket.TicketIntake;
import org.hotline.core.ticket.TicketRepository;
import org.hotline.core.voicemail.VoicemailRepository;
import org.hotline.admin.http.Access;
import org.hotline.admin.http.AgentsRoute;
import org.hotline.admin.http.CallbacksRoute;
import org.hotline.admin.http.CdrsRoute;
import org.hotline.admin.http.CustomersRoute;
import org.hotline.admin.http.HealthRoute;
import org.hotline.admin.http.HttpServer;
import org.hotline.admin.http.MetricsRoute;
import org.hotline.admin.http.QueueSettingsRoute;
import org.hotline.admin.http.QueuesRoute;
import org.hotline.admin.http.ReloadRoute;
import org.hotline.admin.http.ReportsRoute;
import org.hotline.admin.http.Router;
import org.hotline.admin.http.StaticRoute;
import org.hotline.admin.http.TicketsRoute;
import org.hotline.admin.http.VoicemailRoute;
import org.hotline.admin.cti.CtiEndpoint;
import org.hotline.admin.cti.TokenService;
import org.hotline.admin.wallboard.WallboardFeed;
import org.hotline.admin.wallboard.WallboardRoute;
import org.hotline.admin.security.AdminBootstrap;
import org.hotline.admin.security.AuditLog;
import org.hotline.admin.security.AuditRoute;
import org.hotline.admin.security.DemoAgentsBootstrap;
import org.hotline.admin.security.LoginRoute;
import org.hotline.admin.security.LoginThrottle;
import org.hotline.admin.security.Logins;
import org.hotline.admin.security.OwnPasswordRoute;
import org.hotline.admin.security.RequestGate;
import org.hotline.admin.security.UsersRoute;
import org.hotline.core.audit.AuditEntry;
import org.hotline.core.audit.AuditRepository;
import org.hotline.core.audit.AuditWriter;
import org.hotline.admin.security.SipBansRoute;
import org.hotline.core.user.PasswordHash;
import org.hotline.core.user.UserRepository;
import org.hotline.cti.cdr.CdrWriter;
import org.hotline.cti.desk.AgentDesk;
import org.hotline.cti.feed.CtiEvents;
import org.hotline.cti.feed.ScreenPops;
import org.hotline.cti.login.CtiLogins;
import org.hotline.cti.location.CallerLocator;
import org.hotline.ivr.PromptSets;
import org.hotline.ivr.flows.Flows;
import org.hotline.ivr.flows.FlowsException;
import org.hotline.ivr.flows.ReloadResult;
import org.hotline.ivr.verb.FlowServices;
import org.hotline.sip.SipDispatcher;
import org.hotline.sip.auth.CredentialCache;
import org.hotline.sip.auth.DigestAuthenticator;
import org.hotline.sip.auth.NonceService;
import org.hotline.sip.call.CallManager;
import org.hotline.sip.guard.Admission;
import org.hotline.sip.guard.Ban;
import org.hotline.sip.guard.SipGuard;
import org.hotline.sip.feature.FeatureCodes;
import org.hotline.sip.media.MediaServer;
import org.hotline.sip.media.PromptLibrary;
import org.hotline.sip.registrar.LocationService;
import org.hotline.sip.registrar.Registrar;
import org.hotline.sip.registrar.RegistrationListener;
import org.hotline.sip.stack.MalformedMetrics;
import org.hotline.sip.stack.SipServer;
import org.hotline.sip.trunk.Trunk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every service of a Hotline node from its configuration with
 * plain constructors, starts them in order, and drains and stops them in reverse.
 */
public final class HotlineServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HotlineServer.class);

  private final HotlineConfig config;
  private final Clock clock;
  private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final EventBus bus = new EventBus();
  private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService timers =
      Executors.newScheduledThreadPool(1, Thread.ofPlatform().name("hotline-timer").daemon().factory());
  private final ScheduledExecutorService acdThread =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("hotline-acd").daemon().factory());

  private Database database;
  private MediaServer media;
  private SipServer sip;
  private CallManager callManager;
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

  /** Starts the database, media, SIP and HTTP; returns once all listen. */
  public void start() throws Exception {
    database = new Database(config.data());
    AgentRepository agentRepository = new AgentRepository(database.dsl(), clock);
    PasswordHash hasher = new PasswordHash();
    // Seeds the demo agents missing, and keeps the README's demo password off a reachable server.
    new DemoAgentsBootstrap(agentRepository, config.sip().realm(), hasher, System.out)
        .run(config.demo(), DemoAgentsBootstrap.beyondLoopback(config.sip().host(), config.http().host()));
    Map<String, Agent> agentsBySipUser =
        agentRepository.all().stream().collect(Collectors.toMap(Agent::sipUser, Function.identity()));
    CallerLocator callerLocator = new CallerLocator(config.location().defaultRegion(), config.location().language());
    CdrRepository cdrRepository = new CdrRepository(database.dsl(), clock);
    // Region and carrier are looked up on the write pool, off the call's path.
    CdrWriter cdrWriter = new CdrWriter(cdrRepository, callerLocator, database.writes(), metrics);
    // Subscribes itself: every agent state change is stored on the write pool.
    new AgentEventRecorder(new AgentEventRepository(database.dsl(), clock), database.writes(), bus, metrics);

    // Who may do what: logins, sessions, the first administrator, the audit log.
    UserRepository users = new UserRepository(database.dsl(), clock);
    new AdminBootstrap(users, hasher, System.out).run(config.security().adminPassword());
    TokenService tokens = new TokenService(clock, config.cti().tokenTtl());
    CtiLogins agentsAndIntegrations = new CtiLogins(agentRepository, hasher, config.cti().integrations());
    Logins logins = new Logins(users, agentsAndIntegrations, hasher,
        new LoginThrottle(clock, config.security().maxFailedLogins(), config.security().lockout()), clock, metrics);
    AuditRepository audit = new AuditRepository(database.dsl());
    // One policy for every number dialled out (desk, callbacks, IVR transfers): toll fraud.
    DialGuard dialing = new DialGuard(
        new DialPolicy(config.dial(), config.location().defaultRegion()), new DialAuditLog(audit, database.writes(), clock), metrics);

    QueuesRoute queuesRoute = new QueuesRoute();
    router =
        new Router(calls, metrics, new RequestGate(tokens, logins), new AuditLog(audit, database.writes(), clock))
            .get("/health", Access.open(), new HealthRoute(this::problem))
            .get("/api/cdrs", Access.roles(SUPERVISOR, ADMIN, INTEGRATION, AGENT), new CdrsRoute(cdrRepository, clock))
            .get("/metrics", config.http().metricsOpen() ? Access.open() : Access.roles(SUPERVISOR, ADMIN), new MetricsRoute(metrics))
            .get("/api/queues", Access.loggedIn(), queuesRoute);
    new LoginRoute(tokens, logins, config.http().secureCookies(), config.acd().breakReasons()).addTo(router);
    new UsersRoute(users, hasher,
            name -> config.cti().integrations().containsKey(name) || agentRepository.exists(name), tokens, logins, clock)
        .addTo(router);
    new OwnPasswordRoute(agentRepository, users, hasher, logins, tokens, config.http().secureCookies()).addTo(router);
    new AuditRoute(audit, clock).addTo(router);
    CustomerDirectory customers =
        new CustomerDirectory(new CustomerRepository(database.dsl(), clock), callerLocator, config.customers().levels());
    new CustomersRoute(customers, config.customers().importMaxBytes()).addTo(router);
    new ReportsRoute(new ReportRepository(database.dsl(), clock, config.reports(), config.acd().serviceLevel()), clock).addTo(router);
    VoicemailRepository voicemail = new VoicemailRepository(database.dsl(), config.ivr().voicemailDir());
    CallbackRepository callbacks = new CallbackRepository(database.dsl(), clock);
    CallbackIntake callbackIntake = new CallbackIntake(callbacks);
    new VoicemailRoute(voicemail, clock).addTo(router);
    ClassLoader pages = HotlineServer.class.getClassLoader();
    new StaticRoute("/shared", "org/hotline/admin/web/shared", pages).addTo(router);
    new StaticRoute("/agent", "org/hotline/admin/web/agent", pages).addTo(router);
    // ECharts places its tooltips and legends with style attributes.
    StaticRoute console = new StaticRoute("/console", "org/hotline/admin/web/console", pages).allowingStyleAttributes();
    console.addTo(router)
        .get("/", Access.open(), console::index)
        .route(io.netty.handler.codec.http.HttpMethod.HEAD, "/", Access.open(), console::index);
    new StaticRoute("/wallboard", "org/hotline/admin/web/wallboard", pages).addTo(router);
    StaticRoute.webJar("echarts", pages).addTo(router);
    // Listens from now on, so the wallboard misses no change made while the rest starts.
    wallboard = new WallboardFeed(bus, timers, clock, metrics);
    router.get("/api/callbacks", Access.roles(SUPERVISOR, ADMIN, INTEGRATION), new CallbacksRoute(callbacks));
    flows = loadFlows(customers, voicemail, callbackIntake, dialing);
    router.post("/api/admin/reload", Access.roles(ADMIN), new ReloadRoute(this::reloadFlows));
    http = new HttpServer(config.http(), router);
    http.start();

    String advertised = advertisedHost();
    String rtpHost = config.rtp().host().isEmpty() ? config.sip().host() : config.rtp().host();
    media = new MediaServer(config.rtp(), rtpHost, new PromptLibrary(config.ivr().promptsDir()), metrics);
    media.start();

    sip = new SipServer(config.sip(), config.sipGuard(), advertised);
    sip.setMalformedListener(new MalformedMetrics(metrics));
    metrics.gauge("hotline.sip.intake.depth", sip, SipServer::intakeDepth);
    metrics.gauge("hotline.sip.server.transactions", sip, SipServer::serverTransactions);
    metrics.gauge("hotline.health.up", this, server -> server.problem().isEmpty() ? 1 : 0);
    AuditWriter banAudit = new AuditWriter(audit, database.writes());
    SipGuard guard = new SipGuard(config.sipGuard(), clock, System::nanoTime, metrics, ban -> banAudit.write(new AuditEntry(
        0, ban.since(), "sip-guard", "system", "SIP ban", ban.address(), ban.address(), ban.reason() + "; until " + ban.until())));
    new SipBansRoute(guard).addTo(router);
    NonceService nonces = new NonceService(clock, config.sip().nonceTtl());
    AcdBridge acdBridge = new AcdBridge();
    LocationService locations = new LocationService(clock, acdBridge);
    String realm = config.sip().realm();
    CredentialCache credentials = new CredentialCache(realm, () -> agentRepository.ha1s(realm));
    DigestAuthenticator digest = new DigestAuthenticator(sip, config.sip(), credentials, nonces, guard::authFailed);
    Registrar registrar = new Registrar(sip, config.sip(), digest, locations, clock, metrics);
    callManager =
        new CallManager(
            sip,
            media,
            flows,
            config.ivr(),
            config.acd(),
            config.rtp().timeout(),
            locations,
            cdrWriter,
            bus,
            clock,
            calls,
            timers,
            metrics,
            guard.calls());
    QueueSettingsRepository queueSettings = new QueueSettingsRepository(database.dsl());
    Acd acd =
        new Acd(acdThread, clock, callManager, bus, metrics, Duration.ofSeconds(3),
            AcdPolicy.from(config.acd(), queueSettings.all()), callbacks, database.writes());
    agentsBySipUser.values().forEach(acd::addAgent);
    acdBridge.connect(acd, agentsBySipUser);
    callManager.routeWith(acd, agentRepository::byId, new Trunk(config.sip().trunk(), dialing));
    if (config.sip().trunk().isPresent()) {
      log.info("dialling out through {}, to the numbers hotline.dial.allow allows: {}", config.sip().trunk().get(), dialing.policy().rules());
    } else {
      log.info("no trunk (hotline.sip.trunk): no number is dialled out");
    }
    callManager.answerFeatureCodes(
        new FeatureCodes(config.sip().featureCodes(), digest,
            agentRepository::bySipUser, acd));
    queuesRoute.connect(acd);
    new QueueSettingsRoute(queueSettings, acd).addTo(router);
    new AgentsRoute(agentRepository, acd::snapshot, acd, Set.copyOf(config.acd().breakReasons()), config.sip().realm(), hasher,
            new AgentsRoute.AgentChanges() {
              @Override
              public void changed(Agent agent) {
                logins.forget();
                credentials.reload();
                acdBridge.put(agent);
                acd.updateAgent(agent);
              }

              @Override
              public void passwordChanged(Agent agent) {
                tokens.endAllOf(agent.id());
                logins.forget();
              }

              @Override
              public void removed(Agent agent) {
                tokens.endAllOf(agent.id());
                logins.forget();
                credentials.reload();
                acdBridge.remove(agent);
                acd.removeAgent(agent.id());
                locations.removeAll(agent.sipUser());
              }

              @Override
              public boolean nameTaken(String id) {
                return users.byName(id).isPresent();
              }
            })
        .addTo(router);
    callbackIntake.connect(acd);
    wallboard.seed(acd::snapshot, clock);
    startCti(router, tokens, customers, cdrRepository, callerLocator, acd);

    sip.guardWith(guard, new Admission(guard, sip));
    sip.answerStatelessly(Request.REGISTER, registrar::answer);
    sip.start(new SipDispatcher(sip, callManager, metrics));
    timers.scheduleAtFixedRate(guard::purge, 1, 1, TimeUnit.MINUTES);
    timers.scheduleAtFixedRate(locations::expire, 1, 1, TimeUnit.SECONDS);
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
   * The CTI bridge: logins, and the {@code /cti} WebSocket that pushes screen pops, call and agent
   * states and queue figures to agent desktops and integrations, and takes their commands; and the
   * tickets the desktop opens, which the screen pops list.
   */
  private void startCti(
      Router router,
      TokenService tokens,
      CustomerDirectory customers,
      CdrRepository cdrs,
      CallerLocator callerLocator,
      Acd acd) {
    TicketRepository tickets = new TicketRepository(database.dsl(), clock);
    ctiEvents = new CtiEvents(
        bus, new ScreenPops(callerLocator, customers::findByNumber, cdrs::lastCallsFrom, tickets::recentFor), calls, clock, metrics);
    ctiEvents.warmUp(callerLocator.exampleNumber());
    AgentDesk desk = new AgentDesk(acd, config.acd().breakReasons(), cdrs, ctiEvents.offeredCalls(), database.writes(), callManager);
    // A ticket about a call finds its caller: the live call's while it is on, the CDR's after.
    CallNumbers callers = callId -> ctiEvents.offeredCalls().caller(callId).or(() -> cdrs.find(callId).map(Cdr::caller));
    new TicketsRoute(new TicketIntake(tickets, customers, callers)).addTo(router);
    // Agents and integrations connect; a supervisor watches every agent read-only.
    Access cti = Access.roles(AGENT, INTEGRATION, SUPERVISOR);
    new WallboardRoute(wallboard).addTo(router);
    router.webSocket(CtiEndpoint.PATH, cti, new CtiEndpoint(tokens, ctiEvents, desk, calls, metrics));
  }

  private Flows loadFlows(CustomerDirectory customers, VoicemailRepository voicemail, CallbackIntake callbacks, DialGuard dialing)
      throws FlowsException {
    FlowServices services =
        new FlowServices(clock, number -> customers.findByNumber(number).map(Customer::level), voicemail, callbacks, dialing);
    Flows loaded = Flows.load(config.ivr(), services, PromptSets.available(config.ivr().promptsDir()));
    FunctionCounter.builder("hotline.ivr.reloads", loaded, Flows::reloads)
        .description("IVR flows files taken into service by a reload")
        .register(metrics);
    FunctionCounter.builder("hotline.ivr.reloads.failed", loaded, Flows::failedReloads)
        .description("IVR flows files refused on reload (the flows in service stayed)")
        .register(metrics);
    log.info("IVR flows from {}: numbers {}", loaded.file().map(Path::toString).orElse("the demo"), loaded.current().numbers());
    return loaded;
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
      throw new IllegalStateException("the server is starting: it reads the flows file as it starts");
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
      if (callManager != null && !callManager.drain(config.shutdownGrace(), Duration.ofSeconds(10))) {
        log.warn("calls still unfinished at shutdown: {}", callManager.activeCallIds());
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

  /** Where peers reach us: the configured address, the bind address, or this machine's first IPv4. */
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

  /** Tells the ACD when an agent's phone registers or unregisters. */
  private static final class AcdBridge implements RegistrationListener {
    private volatile Acd acd;
    private volatile Map<String, Agent> bySipUser = Map.of();

    void connect(Acd acd, Map<String, Agent> bySipUser) {
      this.bySipUser = Map.copyOf(bySipUser);
      this.acd = acd;
    }

    /** An agent created or changed through the API: its phone's registrations now count. */
    synchronized void put(Agent agent) {
      Map<String, Agent> next = new java.util.HashMap<>(bySipUser);
      next.values().removeIf(a -> a.id().equals(agent.id()));
      next.put(agent.sipUser(), agent);
      bySipUser = Map.copyOf(next);
    }

    /** An agent disabled through the API. */
    synchronized void remove(Agent agent) {
      Map<String, Agent> next = new java.util.HashMap<>(bySipUser);
      next.values().removeIf(a -> a.id().equals(agent.id()));
      bySipUser = Map.copyOf(next);
    }

    @Override
    public void registered(String user) {
      Agent a = bySipUser.get(user);
      if (a != null && acd != null) {
        acd.agentRegistered(a.id());
      }
    }

    @Override
    public void unregistered(String user) {
      Agent a = bySipUser.get(user);
      if (a != null && acd != null) {
        acd.agentUnregistered(a.id());
      }
    }
  }
}
