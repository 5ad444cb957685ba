package org.hotline.core.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.core.agent.Agent;
import org.hotline.core.agent.AgentState;
import org.hotline.core.event.AgentEvent;
import org.hotline.core.event.EventBus;
import org.hotline.core.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Wrap-up and missed offers, with time driven by a manual clock and {@link Acd#tick()}. */
class AcdAgentRulesTest {
  private static final Duration WRAP_UP = Duration.ofSeconds(30);

  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T09:00:00Z"));
  private final ScheduledExecutorService actor = Executors.newSingleThreadScheduledExecutor();
  private final RecordingConnector connector = new RecordingConnector();
  private final EventBus bus = new EventBus();
  private final List<AgentEvent.StateChanged> events = new CopyOnWriteArrayList<>();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final Acd acd =
      new Acd(
          actor,
          clock,
          connector,
          bus,
          metrics,
          Duration.ofSeconds(3),
          AcdPolicy.DEFAULTS
              .withDefaults(QueueSettings.DEFAULTS.withWrapUp(WRAP_UP))
              .withMaxMissed(2));
  private int calls;

  AcdAgentRulesTest() {
    bus.subscribe(
        e -> {
          if (e instanceof AgentEvent.StateChanged s) {
            events.add(s);
          }
        });
  }

  @AfterEach
  void stop() {
    actor.shutdownNow();
  }

  private AcdSnapshot settle() throws Exception {
    acd.snapshot().get(5, TimeUnit.SECONDS);
    return acd.snapshot().get(5, TimeUnit.SECONDS);
  }

  private AgentState state(String agent) throws Exception {
    return settle().agentStates().get(agent);
  }

  private void ready(String id) throws Exception {
    acd.addAgent(new Agent(id, null, id, Set.of("sales")));
    acd.agentRegistered(id);
    settle();
    clock.advance(Duration.ofSeconds(1));
  }

  private void call() throws Exception {
    acd.enqueue(new QueuedCall("c" + ++calls, "sales", 5, "555"));
    settle();
  }

  private void answerLast(OfferResult result) throws Exception {
    connector.answer(connector.offers.size() - 1, result);
    settle();
  }

  private void endCall(String agent) throws Exception {
    acd.agentCallEnded(agent);
    // Settle before the clock moves: the wrap-up starts at the time the actor sees the end.
    settle();
  }

  private void advanceAndTick(Duration by) throws Exception {
    clock.advance(by);
    acd.tick();
    settle();
  }

  private List<String> transitionsOf(String agent) {
    return events.stream()
        .filter(e -> e.agentId().equals(agent))
        .map(e -> e.to() + (e.reason().isEmpty() ? "" : "(" + e.reason() + ")"))
        .toList();
  }

  @Test
  void callEnded_agentWrapsUpForTheConfiguredTime_thenIsAvailable() throws Exception {
    ready("1001");
    call();
    answerLast(OfferResult.ANSWERED);
    endCall("1001");
    assertEquals(AgentState.WRAP_UP, state("1001"));
    advanceAndTick(WRAP_UP.minusSeconds(1));
    assertEquals(AgentState.WRAP_UP, state("1001"));
    advanceAndTick(Duration.ofSeconds(1));
    assertEquals(AgentState.AVAILABLE, state("1001"));
    assertEquals(
        List.of(
            "AVAILABLE(registered)",
            "RESERVED(c1)",
            "ON_CALL(c1)",
            "WRAP_UP(call-ended)",
            "AVAILABLE(wrap-up-ended)"),
        transitionsOf("1001"));
  }

  @Test
  void agentInWrapUp_isNotOffered_andTakesTheWaitingCallWhenItEnds() throws Exception {
    ready("1001");
    call();
    answerLast(OfferResult.ANSWERED);
    endCall("1001");
    call();
    assertEquals(1, connector.offers.size());
    advanceAndTick(WRAP_UP);
    assertEquals(List.of("c1", "c2"), connector.callsOffered());
    assertEquals(AgentState.RESERVED, state("1001"));
  }

  @Test
  void agentReadyDuringWrapUp_isAvailableAtOnce_andTheOldTimerDoesNothing() throws Exception {
    ready("1001");
    call();
    answerLast(OfferResult.ANSWERED);
    endCall("1001");
    acd.ready("1001");
    assertEquals(AgentState.AVAILABLE, state("1001"));
    acd.pause("1001", "lunch");
    advanceAndTick(WRAP_UP);
    assertEquals(AgentState.BREAK, state("1001"));
  }

  @Test
  void unregisteredDuringWrapUp_logsOutWhenItEnds() throws Exception {
    ready("1001");
    call();
    answerLast(OfferResult.ANSWERED);
    endCall("1001");
    acd.agentUnregistered("1001");
    advanceAndTick(WRAP_UP);
    assertEquals(AgentState.LOGGED_OUT, state("1001"));
  }

  @Test
  void missedOffersInARow_putTheAgentOnBreakWithReasonMissed() throws Exception {
    ready("1001");
    call();
    answerLast(OfferResult.NOT_ANSWERED);
    assertEquals(AgentState.AVAILABLE, state("1001"));
    call();
    answerLast(OfferResult.NOT_ANSWERED);
    assertEquals(AgentState.BREAK, state("1001"));
    assertEquals("BREAK(missed)", transitionsOf("1001").getLast());
    assertEquals(1.0, metrics.counter("hotline.acd.agents.missed.breaks").count());
    // On break the agent gets no calls, even once the no-answer retry is due.
    advanceAndTick(Duration.ofSeconds(10));
    assertEquals(2, connector.offers.size());
    assertEquals(2, settle().waitingByQueue().get("sales"));
  }

  @Test
  void anAnsweredCall_resetsTheMissedCount() throws Exception {
    ready("1001");
    call();
    answerLast(OfferResult.NOT_ANSWERED);
    advanceAndTick(Duration.ofSeconds(3));
    // The retry offers c1 to 1001 again; this time it is answered.
    assertEquals(List.of("c1", "c1"), connector.callsOffered());
    answerLast(OfferResult.ANSWERED);
    endCall("1001");
    advanceAndTick(WRAP_UP);
    call();
    answerLast(OfferResult.NOT_ANSWERED);
    assertEquals(AgentState.AVAILABLE, state("1001"));
  }

  @Test
  void agentOnBreakForMissedCalls_takesCallsAgainWhenReady() throws Exception {
    ready("1001");
    call();
    answerLast(OfferResult.NOT_ANSWERED);
    call();
    answerLast(OfferResult.NOT_ANSWERED);
    advanceAndTick(Duration.ofSeconds(3));
    acd.ready("1001");
    settle();
    assertEquals(3, connector.offers.size());
    assertEquals("c1", connector.callsOffered().get(2));
  }

  @Test
  void callerLeavingWhileRinging_doesNotCountAsAMiss() throws Exception {
    ready("1001");
    call();
    answerLast(OfferResult.CALL_GONE);
    call();
    answerLast(OfferResult.NOT_ANSWERED);
    assertEquals(AgentState.AVAILABLE, state("1001"));
  }
}
