package org.hotline.core.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.core.agent.Agent;
import org.hotline.core.event.EventBus;
import org.hotline.core.flow.QueuePlace;
import org.hotline.core.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a waiting caller is told: their place, and a wait estimated from real answers. */
class AcdQueuePlaceTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T09:00:00Z"));
  private final ScheduledExecutorService actor = Executors.newSingleThreadScheduledExecutor();
  private final RecordingConnector connector = new RecordingConnector();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final Acd acd =
      new Acd(actor, clock, connector, new EventBus(), metrics, Duration.ofHours(1));

  @AfterEach
  void stop() {
    actor.shutdownNow();
  }

  private void settle() throws Exception {
    acd.snapshot().get(5, TimeUnit.SECONDS);
    acd.snapshot().get(5, TimeUnit.SECONDS);
  }

  private QueuePlace place(String callId) throws Exception {
    return acd.place(callId).get(5, TimeUnit.SECONDS);
  }

  private void call(String id, int priority) {
    acd.enqueue(new QueuedCall(id, "sales", priority, "555"));
  }

  @Test
  void place_countsTheCallsAheadByPriorityThenArrival() throws Exception {
    call("a", 5);
    call("b", 5);
    call("vip", 0);
    settle();

    assertEquals(new QueuePlace(1, 3, Optional.empty()), place("vip"));
    assertEquals(new QueuePlace(2, 3, Optional.empty()), place("a"));
    assertEquals(new QueuePlace(3, 3, Optional.empty()), place("b"));
    assertEquals(QueuePlace.NOT_WAITING, place("unknown"));
  }

  @Test
  void place_ofACallBeingOffered_isNotWaiting() throws Exception {
    acd.addAgent(new Agent("1001", null, "1001", Set.of("sales")));
    acd.agentRegistered("1001");
    call("a", 5);
    settle();

    assertEquals(QueuePlace.NOT_WAITING, place("a"));
  }

  @Test
  void estimate_comesFromTheIntervalBetweenRecentAnswers() throws Exception {
    acd.addAgent(new Agent("1001", null, "1001", Set.of("sales")));
    acd.agentRegistered("1001");
    settle();
    // Three calls answered 2 minutes apart: the queue serves one call every 2 minutes.
    for (int i = 0; i < 3; i++) {
      call("served" + i, 5);
      settle();
      connector.answer(i, OfferResult.ANSWERED);
      settle();
      clock.advance(Duration.ofMinutes(2));
      acd.agentCallEnded("1001");
      settle();
    }
    acd.pause("1001", "lunch");
    call("x", 5);
    call("y", 5);
    settle();

    assertEquals(Optional.of(Duration.ofMinutes(2)), place("x").estimatedWait());
    assertEquals(Optional.of(Duration.ofMinutes(4)), place("y").estimatedWait());
  }

  @Test
  void estimate_isGoneWhenTheLastAnswerIsStale() throws Exception {
    acd.addAgent(new Agent("1001", null, "1001", Set.of("sales")));
    acd.agentRegistered("1001");
    call("served", 5);
    settle();
    clock.advance(Duration.ofSeconds(40));
    connector.answer(0, OfferResult.ANSWERED);
    settle();
    acd.pause("1001", "lunch");
    call("x", 5);
    settle();
    assertEquals(
        Optional.of(Duration.ofSeconds(40)), place("x").estimatedWait(), "one answer: its wait");

    clock.advance(WaitEstimator.STALE.plusMinutes(1));
    assertEquals(Optional.empty(), place("x").estimatedWait());
  }

  @Test
  void leave_takesTheCallOutWithoutCountingItAbandoned() throws Exception {
    call("a", 5);
    call("b", 5);
    settle();

    acd.leave("a");
    settle();

    assertEquals(QueuePlace.NOT_WAITING, place("a"));
    assertEquals(1, place("b").position());
    assertEquals(1.0, metrics.counter("hotline.acd.calls.left").count());
    assertEquals(0.0, metrics.counter("hotline.acd.calls.abandoned").count());
  }

  @Test
  void leave_whileOffered_endsAsLeftWhenTheOfferEnds() throws Exception {
    acd.addAgent(new Agent("1001", null, "1001", Set.of("sales")));
    acd.agentRegistered("1001");
    call("a", 5);
    settle();

    acd.leave("a");
    connector.answer(0, OfferResult.CALL_GONE);
    settle();

    assertEquals(1.0, metrics.counter("hotline.acd.calls.left").count());
    assertEquals(0.0, metrics.counter("hotline.acd.calls.abandoned").count());
  }
}
