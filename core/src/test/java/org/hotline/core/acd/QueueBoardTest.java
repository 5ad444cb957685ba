package org.hotline.core.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotline.core.agent.Agent;
import org.junit.jupiter.api.Test;

/** The matching rules alone: no threads, no clock, no connector. */
class QueueBoardTest {
  private static final Instant NOW = Instant.parse("2026-01-01T09:00:00Z");

  private QueueBoard board = new QueueBoard(q -> RoutingStrategy.LONGEST_IDLE);
  private int calls;

  private AgentSlot free(String id, String idleSince, String... queues) {
    AgentSlot a =
        board.add(
            new Agent(id, null, id, Set.of(queues.length == 0 ? new String[] {"sales"} : queues)));
    a.idleSince = Instant.parse(idleSince);
    board.free(a);
    return a;
  }

  private AgentSlot free(String id, String idleSince, long answered) {
    AgentSlot a = board.add(new Agent(id, null, id, Set.of("sales")));
    // Set before the agent is free: the free set is ordered by it.
    a.callsToday = answered;
    a.idleSince = Instant.parse(idleSince);
    board.free(a);
    return a;
  }

  /** A call arrives in {@code queue}; the id of the agent it is matched with, or null. */
  private String arrive(String queue, int priority) {
    WaitingCall w =
        board.enqueue(new QueuedCall("c" + ++calls, queue, priority, "555"), NOW, Set.of());
    AgentSlot a = board.matchCall(w, NOW);
    return a == null ? null : a.id();
  }

  /** The agents the next {@code n} calls of {@code queue} go to, each agent freed again at once. */
  private List<String> nextAgents(String queue, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = arrive(queue, 5);
      ids.add(id);
      board.free(board.agent(id));
    }
    return ids;
  }

  @Test
  void longestIdle_offersTheAgentIdleTheLongest() {
    free("1001", "2026-01-01T08:59:00Z");
    free("1002", "2026-01-01T08:50:00Z");
    free("1003", "2026-01-01T08:55:00Z");
    assertEquals("1002", arrive("sales", 5));
    assertEquals("1003", arrive("sales", 5));
    assertEquals("1001", arrive("sales", 5));
    assertNull(arrive("sales", 5));
  }

  @Test
  void roundRobin_givesEveryAgentATurn_whateverTheirIdleTime() {
    board = new QueueBoard(q -> RoutingStrategy.ROUND_ROBIN);
    free("1001", "2026-01-01T08:59:00Z");
    free("1002", "2026-01-01T08:50:00Z");
    free("1003", "2026-01-01T08:55:00Z");
    // Idle time is not updated when freed again: round robin must not depend on it.
    assertEquals(List.of("1001", "1002", "1003", "1001", "1002"), nextAgents("sales", 5));
  }

  @Test
  void fewestCalls_offersTheAgentWhoAnsweredTheFewest_thenTheLongestIdle() {
    board = new QueueBoard(q -> RoutingStrategy.FEWEST_CALLS);
    free("1001", "2026-01-01T08:00:00Z", 4);
    free("1002", "2026-01-01T08:58:00Z", 1);
    free("1003", "2026-01-01T08:59:00Z", 1);
    assertEquals("1002", arrive("sales", 5));
    assertEquals("1003", arrive("sales", 5));
    assertEquals("1001", arrive("sales", 5));
  }

  @Test
  void strategies_areChosenPerQueue() {
    AcdPolicy policy =
        AcdPolicy.DEFAULTS.with("support", QueueSettings.DEFAULTS.withStrategy("round-robin"));
    board = new QueueBoard(policy::strategyOf);
    free("2001", "2026-01-01T08:59:00Z", "sales");
    free("2002", "2026-01-01T08:50:00Z", "sales");
    free("3001", "2026-01-01T08:59:00Z", "support");
    free("3002", "2026-01-01T08:50:00Z", "support");
    assertEquals("2002", arrive("sales", 5));
    assertEquals("3001", arrive("support", 5));
  }

  @Test
  void freedAgent_takesTheCallWaitingLongestAtTheBestPriority_acrossItsQueues() {
    arrive("sales", 5);
    arrive("support", 5);
    arrive("support", 1);
    arrive("sales", 1);
    AgentSlot a = free("1001", "2026-01-01T08:59:00Z", "sales", "support");
    assertEquals("c3", board.matchAgent(a, NOW).call.callId());
    board.free(a);
    assertEquals("c4", board.matchAgent(a, NOW).call.callId());
    board.free(a);
    assertEquals("c1", board.matchAgent(a, NOW).call.callId());
  }

  @Test
  void agentWhoJustMissedACall_isSkippedForThatCallUntilTheRetryTime() {
    free("1001", "2026-01-01T08:50:00Z");
    free("1002", "2026-01-01T08:59:00Z");
    WaitingCall w = board.enqueue(new QueuedCall("c1", "sales", 5, "555"), NOW, Set.of());
    w.skipUntil.put("1001", NOW.plusSeconds(3));
    assertEquals("1002", board.matchCall(w, NOW).id());
    w.ringing.clear();
    board.requeue(w);
    assertNull(board.matchCall(w, NOW.plusSeconds(2)));
    assertEquals("1001", board.matchCall(w, NOW.plusSeconds(3)).id());
  }

  @Test
  void duplicateCall_isIgnored() {
    board.enqueue(new QueuedCall("c1", "sales", 5, "555"), NOW, Set.of());
    assertNull(board.enqueue(new QueuedCall("c1", "sales", 5, "555"), NOW, Set.of()));
    assertEquals(1, board.waitingByQueue().get("sales").size());
  }

  @Test
  void unknownStrategyName_isRefusedWithTheNamesAllowed() {
    assertEquals(RoutingStrategy.ROUND_ROBIN, RoutingStrategy.named("round-robin"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RoutingStrategy.named("random"));
    assertEquals(
        "unknown routing strategy random: use longest-idle, round-robin, fewest-calls, skills or ring-all",
        e.getMessage());
  }

  @Test
  void matchAll_reservesEveryFreeAgentOfTheQueueThatMayTakeTheCall() {
    free("1001", "2026-01-01T08:50:00Z");
    free("1002", "2026-01-01T08:55:00Z");
    free("2001", "2026-01-01T08:40:00Z", "support");
    WaitingCall w = board.enqueue(new QueuedCall("x1", "sales", 5, "555"), NOW, Set.of());
    w.skipUntil.put("1002", NOW.plusSeconds(3));
    assertEquals(List.of("1001"), board.matchAll(w, NOW).stream().map(AgentSlot::id).toList());
    assertEquals(Set.of("1001"), w.ringing);
    // The agent skipped for that call is still free for the next.
    assertEquals("1002", arrive("sales", 5));
  }

  @Test
  void callbacks_keepTheirPlace_andDoNotCountAsCallers() {
    board.enqueue(new QueuedCall("c1", "sales", 5, "555"), NOW, Set.of());
    WaitingCall cb =
        board.enqueue(
            new org.hotline.core.callback.CallbackRequest(
                7, "old", "555", "sales", 5, NOW.minusSeconds(60), NOW));
    assertEquals(1, board.position(cb));
    assertEquals(1, board.callers("sales"));
    assertNull(
        board.enqueue(
            new org.hotline.core.callback.CallbackRequest(7, "old", "555", "sales", 5, NOW, NOW)));
  }

  @Test
  void reorder_sortsTheFreeAgentsByTheQueuesNewStrategy() {
    RoutingStrategy[] strategy = {RoutingStrategy.LONGEST_IDLE};
    board = new QueueBoard(q -> strategy[0]);
    free("1001", "2026-01-01T08:59:00Z").lastOffered = 0;
    free("1002", "2026-01-01T08:50:00Z");
    strategy[0] = RoutingStrategy.ROUND_ROBIN;
    board.reorder("sales");
    assertEquals("1001", arrive("sales", 5));
  }

  @Test
  void newDay_putsEveryonesCallsTodayBackToZero_andSortsAgain() {
    board = new QueueBoard(q -> RoutingStrategy.FEWEST_CALLS);
    free("1001", "2026-01-01T08:00:00Z", 4);
    free("1002", "2026-01-01T08:58:00Z", 1);
    board.newDay();
    assertEquals(0, board.agent("1001").callsToday);
    assertEquals("1001", arrive("sales", 5));
  }
}
