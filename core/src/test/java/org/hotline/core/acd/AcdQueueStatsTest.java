package org.hotline.core.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.core.agent.Agent;
import org.hotline.core.agent.AgentState;
import org.hotline.core.event.EventBus;
import org.hotline.core.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-queue figures of {@link Acd#snapshot()}. */
class AcdQueueStatsTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T09:00:00Z"));
  private final ScheduledExecutorService actor = Executors.newSingleThreadScheduledExecutor();
  private final RecordingConnector connector = new RecordingConnector();
  private final Acd acd =
      new Acd(
          actor,
          clock,
          connector,
          new EventBus(),
          new SimpleMeterRegistry(),
          Duration.ofSeconds(3));

  @AfterEach
  void stop() {
    actor.shutdownNow();
  }

  private AcdSnapshot settle() throws Exception {
    acd.snapshot().get(5, TimeUnit.SECONDS);
    return acd.snapshot().get(5, TimeUnit.SECONDS);
  }

  private void enqueue(String id, String queue) throws Exception {
    acd.enqueue(new QueuedCall(id, queue, 5, "555"));
    settle();
  }

  @Test
  void snapshot_showsWaitingCalls_longestWait_agentsByState_andTodaysCounts() throws Exception {
    acd.addAgent(new Agent("1001", null, "1001", Set.of("sales", "support")));
    acd.addAgent(new Agent("1002", null, "1002", Set.of("sales")));
    acd.agentRegistered("1001");
    enqueue("c1", "sales");
    connector.answer(0, OfferResult.ANSWERED);
    settle();
    enqueue("c2", "sales");
    clock.advance(Duration.ofSeconds(40));
    enqueue("c3", "sales");
    acd.abandon("c3");
    enqueue("c4", "support");
    clock.advance(Duration.ofSeconds(5));

    AcdSnapshot s = settle();
    QueueStats sales = s.queues().get("sales");
    assertEquals(1, sales.waiting());
    assertEquals(45, sales.longestWaitSeconds());
    assertEquals(1, sales.agents().get(AgentState.ON_CALL));
    assertEquals(1, sales.agents().get(AgentState.LOGGED_OUT));
    assertEquals(0, sales.agents().get(AgentState.AVAILABLE));
    assertEquals(3, sales.offered());
    assertEquals(1, sales.answered());
    assertEquals(1, sales.abandoned());
    QueueStats support = s.queues().get("support");
    assertEquals(1, support.waiting());
    assertEquals(5, support.longestWaitSeconds());
    assertEquals(1, support.agents().get(AgentState.ON_CALL));
  }

  @Test
  void todaysCounts_startAgainAtMidnight() throws Exception {
    acd.addAgent(new Agent("1001", null, "1001", Set.of("sales")));
    enqueue("c1", "sales");
    acd.abandon("c1");
    assertEquals(1, settle().queues().get("sales").offered());
    clock.set(Instant.parse("2026-01-02T00:00:00Z"));
    QueueStats sales = settle().queues().get("sales");
    assertEquals(0, sales.offered());
    assertEquals(0, sales.abandoned());
  }
}
