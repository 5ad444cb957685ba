package org.hotline.core.acd;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.core.agent.Agent;
import org.hotline.core.agent.AgentState;
import org.hotline.core.callback.CallbackStates;
import org.hotline.core.event.AgentEvent;
import org.hotline.core.event.EventBus;
import org.hotline.core.event.HotlineEvent;
import org.hotline.core.event.QueueEvent;
import org.hotline.core.time.ManualClock;

/**
 * An {@link Acd} on its own thread with a manual clock, a {@link RecordingConnector} and recorded
 * events, plus the steps the ACD tests share. Every step waits until the actor has run it (and the
 * offer results it caused), so assertions see a settled ACD. Close it after the test.
 */
final class AcdHarness implements AutoCloseable {
  /** No-answer retry. */
  static final Duration RETRY = Duration.ofSeconds(3);

  final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T09:00:00Z"));
  final ScheduledExecutorService actor = Executors.newSingleThreadScheduledExecutor();
  final RecordingConnector connector = new RecordingConnector();
  final EventBus bus = new EventBus();
  final List<HotlineEvent> events = new CopyOnWriteArrayList<>();
  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  final RecordingCallbackStates callbackStates = new RecordingCallbackStates();
  final Acd acd;

  AcdHarness(AcdPolicy policy) {
    bus.subscribe(events::add);
    acd =
        new Acd(
            actor, clock, connector, bus, metrics, RETRY, policy, callbackStates, Runnable::run);
  }

  AcdHarness() {
    this(AcdPolicy.DEFAULTS);
  }

  @Override
  public void close() {
    actor.shutdownNow();
  }

  /**
   * Callback outcomes, in order, as {@code done:<id>}, {@code failed:<id>}, {@code attempted:<id>}.
   */
  static final class RecordingCallbackStates implements CallbackStates {
    final List<String> written = new CopyOnWriteArrayList<>();

    @Override
    public void attempted(long id) {
      written.add("attempted:" + id);
    }

    @Override
    public void done(long id) {
      written.add("done:" + id);
    }

    @Override
    public void failed(long id) {
      written.add("failed:" + id);
    }
  }

  AcdSnapshot settle() throws Exception {
    // Two round trips: offer results are handed back to the actor asynchronously.
    acd.snapshot().get(5, TimeUnit.SECONDS);
    return acd.snapshot().get(5, TimeUnit.SECONDS);
  }

  AgentState state(String agent) throws Exception {
    return settle().agentStates().get(agent);
  }

  /** A registered, available agent of {@code queues}, idle from now; the clock then moves 1 s. */
  void ready(String id, String... queues) throws Exception {
    ready(new Agent(id, null, id, Set.of(queues)));
  }

  void ready(Agent agent) throws Exception {
    acd.addAgent(agent);
    acd.agentRegistered(agent.id());
    settle();
    clock.advance(Duration.ofSeconds(1));
  }

  /** An agent with a skill level per queue. */
  static Agent skilled(String id, Map<String, Integer> levels) {
    return new Agent(id, null, id, levels.keySet(), levels);
  }

  void call(String id, String queue) throws Exception {
    call(id, queue, 5);
  }

  void call(String id, String queue, int priority) throws Exception {
    acd.enqueue(new QueuedCall(id, queue, priority, "555"));
    settle();
  }

  void answer(String agent, OfferResult result) throws Exception {
    connector.answer(agent, result);
    settle();
  }

  void endCall(String agent) throws Exception {
    acd.agentCallEnded(agent);
    settle();
  }

  /** Answers the latest offer to {@code agent} and ends the call at once. */
  void serve(String agent) throws Exception {
    answer(agent, OfferResult.ANSWERED);
    endCall(agent);
  }

  void advanceAndTick(Duration by) throws Exception {
    clock.advance(by);
    acd.tick();
    settle();
  }

  double count(String meter, String... tags) {
    return metrics.counter(meter, tags).count();
  }

  QueueStats stats(String queue) throws Exception {
    return settle().queues().get(queue);
  }

  List<QueueEvent.StatsChanged> statsEvents(String queue) {
    return events.stream()
        .filter(e -> e instanceof QueueEvent.StatsChanged s && s.queue().equals(queue))
        .map(e -> (QueueEvent.StatsChanged) e)
        .toList();
  }

  /** The agent's states with reasons, e.g. {@code BREAK(lunch)}. */
  List<String> transitionsOf(String agent) {
    return events.stream()
        .filter(e -> e instanceof AgentEvent.StateChanged s && s.agentId().equals(agent))
        .map(e -> (AgentEvent.StateChanged) e)
        .map(e -> e.to() + (e.reason().isEmpty() ? "" : "(" + e.reason() + ")"))
        .toList();
  }
}
