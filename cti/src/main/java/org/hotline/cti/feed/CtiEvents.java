package org.hotline.cti.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.hotline.core.agent.AgentState;
import org.hotline.core.event.AgentEvent;
import org.hotline.core.event.CallEvent;
import org.hotline.core.event.EventBus;
import org.hotline.core.event.HotlineEvent;
import org.hotline.core.event.QueueEvent;
import org.hotline.cti.bridge.CtiFeed;
import org.hotline.cti.protocol.AgentStateChanged;
import org.hotline.cti.protocol.CallState;
import org.hotline.cti.protocol.CtiEvent;
import org.hotline.cti.protocol.ScreenPop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The server's events as CTI messages (docs/cti-protocol.md): {@code screen-pop} and {@code
 * call-state} for the agent a call is offered to, {@code agent-state} for the agent whose state
 * changed, {@code queue-stats} for everyone.
 *
 * <p>The screen-pop leaves before the agent's phone rings. The caller's location, customer, history
 * and tickets are looked up on the {@code lookups} executor as soon as the call arrives, while the
 * caller is still in the IVR or the queue ({@link CallerFacts}); the offer is published on the
 * call's own (virtual) thread just before its INVITE goes to the agent's phone, so the pop built
 * from those facts is sent there and then, after the {@code ringing} call-state. Should the lookups
 * still be running (the first calls after a start), the call's thread waits for them at most {@code
 * popWait}, then the pop follows when they are done. A call offered without having arrived (a
 * callback) is looked up at its offer. When the lookups fail or the executor refuses them, the
 * agent still gets a screen-pop from the number alone, marked {@code lookupFailed}. Anything else
 * published here returns at once.
 *
 * <p>Call states: {@code ringing} (offered), {@code connected} (answered, and again when taken off
 * hold), {@code held}, {@code ended}. Every agent a call rang gets its {@code ended}: with outcome
 * {@code answered-elsewhere} when another agent answers, else when the call is over, with the CDR's
 * outcome.
 *
 * <p>Meters: {@code hotline.cti.screenpop} (timer, from the offer to the screen-pop ready), {@code
 * hotline.cti.screenpop.failed}, {@code hotline.cti.messages} (by {@code type}).
 */
public final class CtiEvents implements CtiFeed, Consumer<HotlineEvent>, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CtiEvents.class);

  private final EventBus bus;
  private final ScreenPops screenPops;
  private final Executor lookups;
  private final Clock clock;
  private final OfferedCalls offered = new OfferedCalls();

  /**
   * The facts of calls that arrived and have not finished, looked up (or being looked up) ahead of
   * their offers.
   */
  private final Map<String, CompletableFuture<CallerFacts>> ahead = new ConcurrentHashMap<>();

  private final Duration popWait;
  private final List<Consumer<CtiEvent>> sinks = new CopyOnWriteArrayList<>();

  /**
   * The latest agent-state of each agent and queue-stats of each queue, for connections that open.
   */
  private final Map<String, CtiEvent> latest = new ConcurrentHashMap<>();

  private final Timer screenPopLatency;
  private final Counter screenPopsFailed;
  private final MeterRegistry meters;

  /**
   * The most calls whose facts are held ahead of their offers; beyond, calls are looked up at the
   * offer.
   */
  static final int MAX_AHEAD = 10_000;

  /** How long an offer waits at most for the lookups begun when its call arrived. */
  public static final Duration POP_WAIT = Duration.ofMillis(250);

  /**
   * As {@link #CtiEvents(EventBus, ScreenPops, Executor, Clock, MeterRegistry, Duration)} with
   * {@link #POP_WAIT}.
   */
  public CtiEvents(
      EventBus bus, ScreenPops screenPops, Executor lookups, Clock clock, MeterRegistry meters) {
    this(bus, screenPops, lookups, clock, meters, POP_WAIT);
  }

  /**
   * Subscribes to {@code bus} at once; {@link #close} unsubscribes.
   *
   * @param lookups where callers are looked up (it reads the database)
   * @param clock tells when a screen-pop is ready, for its latency
   * @param popWait how long an offer on a virtual thread waits for its call's lookups at most
   */
  public CtiEvents(
      EventBus bus,
      ScreenPops screenPops,
      Executor lookups,
      Clock clock,
      MeterRegistry meters,
      Duration popWait) {
    this.popWait = Objects.requireNonNull(popWait, "popWait");
    this.bus = Objects.requireNonNull(bus, "bus");
    this.screenPops = Objects.requireNonNull(screenPops, "screenPops");
    this.lookups = Objects.requireNonNull(lookups, "lookups");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.meters = meters;
    this.screenPopLatency =
        Timer.builder("hotline.cti.screenpop")
            .description("from a call's offer to an agent until its screen-pop is ready to send")
            .publishPercentiles(0.5, 0.95, 0.99)
            .register(meters);
    this.screenPopsFailed =
        Counter.builder("hotline.cti.screenpop.failed")
            .description("screen-pops sent without customer and history because the lookups failed")
            .register(meters);
    bus.subscribe(this);
  }

  @Override
  public void subscribe(Consumer<CtiEvent> sink) {
    sinks.add(Objects.requireNonNull(sink, "sink"));
  }

  /**
   * Looks {@code number} up once, on the lookups executor, and forgets it: the first callers after
   * a start then meet loaded number data and a warm database instead of paying for them.
   */
  public void warmUp(String number) {
    try {
      lookups.execute(
          () -> {
            try {
              screenPops.lookUp(number);
            } catch (RuntimeException e) {
              log.debug("warming the caller lookups up failed: {}", e.toString());
            }
          });
    } catch (RejectedExecutionException e) {
      log.debug("caller lookups not warmed up: {}", e.toString());
    }
  }

  /** The calls on now and whom they were offered to. */
  public OfferedCalls offeredCalls() {
    return offered;
  }

  @Override
  public void accept(HotlineEvent event) {
    switch (event) {
      case CallEvent.Arrived a -> lookAhead(a);
      case CallEvent.Offered o -> offered(o);
      case CallEvent.Connected c -> connected(c);
      case CallEvent.Held h ->
          send(
              h.held()
                  ? CallState.held(h.agentId(), h.callId(), h.at())
                  : CallState.connected(h.agentId(), h.callId(), h.at()));
      case CallEvent.Finished f -> finished(f);
      case AgentEvent.StateChanged s -> sendLatest("agent " + s.agentId(), agentState(s));
      case QueueEvent.StatsChanged q ->
          sendLatest("queue " + q.stats().queue(), QueueFigures.message(q.stats()));
      default -> {}
    }
  }

  private void offered(CallEvent.Offered o) {
    offered.offered(o.callId(), o.agentId(), o.caller());
    send(CallState.ringing(o.agentId(), o.callId(), o.at(), o.queue(), o.caller()));
    CompletableFuture<CallerFacts> facts = ahead.get(o.callId());
    if (facts == null) {
      try {
        lookups.execute(() -> screenPop(o));
      } catch (RejectedExecutionException e) {
        screenPopWithoutLookups(o, e);
      }
      return;
    }
    if (!facts.isDone() && Thread.currentThread().isVirtual()) {
      awaitQuietly(facts);
    }
    // At once when the facts are in; else on the lookups' thread when they come.
    facts.whenComplete(
        (known, failure) -> {
          if (failure != null) {
            screenPopWithoutLookups(
                o, failure instanceof Exception e ? e : new RuntimeException(failure));
            return;
          }
          ScreenPop pop = screenPops.build(o, known);
          screenPopReady(o);
          send(pop);
        });
  }

  /** Starts looking the caller of a call that just arrived up, for the pops of its offers. */
  private void lookAhead(CallEvent.Arrived a) {
    if (ahead.size() >= MAX_AHEAD) {
      return;
    }
    CompletableFuture<CallerFacts> facts = new CompletableFuture<>();
    ahead.put(a.callId(), facts);
    try {
      lookups.execute(
          () -> {
            try {
              facts.complete(screenPops.lookUp(a.caller()));
            } catch (RuntimeException e) {
              facts.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      ahead.remove(a.callId()); // looked up at the offer instead
    }
  }

  private void awaitQuietly(CompletableFuture<CallerFacts> facts) {
    try {
      facts.get(popWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Sent when the facts come, or without them.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void screenPop(CallEvent.Offered o) {
    MDC.put("callId", o.callId());
    MDC.put("agentId", o.agentId());
    try {
      ScreenPop pop = screenPops.build(o);
      screenPopReady(o);
      send(pop);
    } catch (RuntimeException e) {
      screenPopWithoutLookups(o, e);
    } finally {
      MDC.remove("callId");
      MDC.remove("agentId");
    }
  }

  private void screenPopWithoutLookups(CallEvent.Offered o, Exception cause) {
    screenPopsFailed.increment();
    log.warn(
        "screen-pop of call {} for agent {} sent without customer and history: {}",
        o.callId(),
        o.agentId(),
        cause.toString());
    ScreenPop pop = screenPops.withoutLookups(o);
    screenPopReady(o);
    send(pop);
  }

  private void screenPopReady(CallEvent.Offered o) {
    Duration latency = Duration.between(o.at(), clock.instant());
    screenPopLatency.record(latency.isNegative() ? Duration.ZERO : latency);
  }

  private void connected(CallEvent.Connected c) {
    for (String other : offered.connected(c.callId(), c.agentId())) {
      send(CallState.ended(other, c.callId(), c.at(), "answered-elsewhere"));
    }
    send(CallState.connected(c.agentId(), c.callId(), c.at()));
  }

  private void finished(CallEvent.Finished f) {
    ahead.remove(f.callId());
    Set<String> agents = offered.finished(f.callId());
    if (agents.isEmpty() && f.cdr() != null && f.cdr().agentId() != null) {
      agents = Set.of(f.cdr().agentId());
    }
    for (String agent : agents) {
      String outcome =
          f.cdr() == null || f.cdr().outcome() == null ? null : f.cdr().outcome().code();
      send(CallState.ended(agent, f.callId(), f.at(), outcome));
    }
  }

  private static AgentStateChanged agentState(AgentEvent.StateChanged s) {
    return new AgentStateChanged(
        s.agentId(),
        lower(s.to()),
        lower(s.from()),
        s.reason() == null || s.reason().isEmpty() ? null : s.reason(),
        s.at());
  }

  private static String lower(AgentState s) {
    return s == null ? null : s.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public List<CtiEvent> current() {
    return List.copyOf(latest.values());
  }

  private void sendLatest(String key, CtiEvent message) {
    latest.put(key, message);
    send(message);
  }

  private void send(CtiEvent message) {
    meters.counter("hotline.cti.messages", "type", message.type()).increment();
    for (Consumer<CtiEvent> sink : sinks) {
      try {
        sink.accept(message);
      } catch (RuntimeException e) {
        log.warn(
            "CTI sink failed on {} for {}",
            message.type(),
            message.aboutAgent().orElse("everyone"),
            e);
      }
    }
  }

  @Override
  public void close() {
    bus.unsubscribe(this);
  }
}
