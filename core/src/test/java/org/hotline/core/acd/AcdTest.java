package org.hotline.core.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

class AcdTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T09:00:00Z"));
  private final ScheduledExecutorService actor = Executors.newSingleThreadScheduledExecutor();
  private final RecordingConnector connector = new RecordingConnector();
  private final Acd acd =
      new Acd(
          actor, clock, connector, new EventBus(), new SimpleMeterRegistry(), Duration.ofHours(1));

  @AfterEach
  void stop() {
    actor.shutdownNow();
  }

  private AcdSnapshot settle() throws Exception {
    // Two round trips: offer results are handed back to the actor asynchronously.
    acd.snapshot().get(5, TimeUnit.SECONDS);
    return acd.snapshot().get(5, TimeUnit.SECONDS);
  }

  private void agentReadyAt(String id, String time) throws Exception {
    clock.set(Instant.parse(time));
    acd.addAgent(new Agent(id, null, id, Set.of("sales")));
    acd.agentRegistered(id);
    settle();
  }

  private void call(String id, int priority) throws Exception {
    acd.enqueue(new QueuedCall(id, "sales", priority, "138" + id));
    settle();
  }

  @Test
  void enqueue_whenAgentsFree_offersToTheLongestIdle() throws Exception {
    agentReadyAt("1002", "2026-01-01T09:00:05Z");
    agentReadyAt("1001", "2026-01-01T09:00:01Z");
    agentReadyAt("1003", "2026-01-01T09:00:09Z");
    call("c1", 5);
    call("c2", 5);
    assertEquals(List.of("1001", "1002"), connector.agentsOffered());
    AcdSnapshot s = settle();
    assertEquals(AgentState.RESERVED, s.agentStates().get("1001"));
    assertEquals(AgentState.AVAILABLE, s.agentStates().get("1003"));
  }

  @Test
  void agentFinishingACall_goesToTheBackOfTheIdleLine() throws Exception {
    agentReadyAt("1001", "2026-01-01T09:00:01Z");
    agentReadyAt("1002", "2026-01-01T09:00:02Z");
    call("c1", 5);
    connector.answer(0, OfferResult.ANSWERED);
    settle();
    clock.set(Instant.parse("2026-01-01T09:05:00Z"));
    acd.agentCallEnded("1001");
    settle();
    call("c2", 5);
    call("c3", 5);
    assertEquals(List.of("1001", "1002", "1001"), connector.agentsOffered());
  }

  @Test
  void waitingCalls_areServedByPriorityThenArrival() throws Exception {
    call("normal-1", 5);
    call("normal-2", 5);
    call("vip", 0);
    agentReadyAt("1001", "2026-01-01T09:01:00Z");
    assertEquals(List.of("vip"), connector.callsOffered());
  }

  @Test
  void noAnswer_offersTheNextAgent_andTheCallerKeepsTheHeadOfTheQueue() throws Exception {
    agentReadyAt("1001", "2026-01-01T09:00:01Z");
    call("c1", 5);
    call("c2", 5);
    assertEquals(List.of("c1"), connector.callsOffered());
    agentReadyAt("1002", "2026-01-01T09:00:30Z");
    // 1002 took c2 at once; now 1001 does not answer c1.
    assertEquals(List.of("c1", "c2"), connector.callsOffered());
    connector.answer(0, OfferResult.NOT_ANSWERED);
    settle();
    agentReadyAt("1003", "2026-01-01T09:00:40Z");
    // c1 is still first in line and goes to 1003, not back to 1001 who just missed it.
    assertEquals(List.of("1001", "1002", "1003"), connector.agentsOffered());
    assertEquals("c1", connector.callsOffered().get(2));
  }

  @Test
  void callerLeavingWhileQueued_isNotOfferedLater() throws Exception {
    call("c1", 5);
    acd.abandon("c1");
    agentReadyAt("1001", "2026-01-01T09:00:01Z");
    assertTrue(connector.offers.isEmpty());
    assertEquals(AgentState.AVAILABLE, settle().agentStates().get("1001"));
  }

  @Test
  void callGoneWhileRinging_freesTheAgent() throws Exception {
    agentReadyAt("1001", "2026-01-01T09:00:01Z");
    call("c1", 5);
    connector.answer(0, OfferResult.CALL_GONE);
    assertEquals(AgentState.AVAILABLE, settle().agentStates().get("1001"));
    assertEquals(0, settle().waitingByQueue().get("sales"));
  }

  @Test
  void unregisteredAgent_isNotOffered_andLogsOutAfterTheCurrentCall() throws Exception {
    agentReadyAt("1001", "2026-01-01T09:00:01Z");
    agentReadyAt("1002", "2026-01-01T09:00:02Z");
    acd.agentUnregistered("1002");
    call("c1", 5);
    connector.answer(0, OfferResult.ANSWERED);
    acd.agentUnregistered("1001");
    acd.agentCallEnded("1001");
    AcdSnapshot s = settle();
    assertEquals(List.of("1001"), connector.agentsOffered());
    assertEquals(AgentState.LOGGED_OUT, s.agentStates().get("1001"));
    assertEquals(AgentState.LOGGED_OUT, s.agentStates().get("1002"));
  }
}
