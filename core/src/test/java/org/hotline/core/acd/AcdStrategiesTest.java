package org.hotline.core.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each routing strategy through the ACD, and how an agent of several queues picks a caller. */
class AcdStrategiesTest {
  private AcdHarness h;

  private AcdHarness with(String strategy) {
    h =
        new AcdHarness(
            AcdPolicy.DEFAULTS.withDefaults(QueueSettings.DEFAULTS.withStrategy(strategy)));
    return h;
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void roundRobin_givesEachAgentATurn_whateverTheirIdleTime() throws Exception {
    with("round-robin");
    h.ready("1003", "sales");
    h.ready("1001", "sales");
    h.ready("1002", "sales");
    for (int i = 1; i <= 4; i++) {
      h.call("c" + i, "sales");
      h.serve(h.connector.agentsOffered().getLast());
    }
    assertEquals(List.of("1001", "1002", "1003", "1001"), h.connector.agentsOffered());
  }

  /** 1001 has answered 2 calls today and is idle longer; 1002 has answered 1. */
  private void twoCallsForOneOneForTheOther() throws Exception {
    with("fewest-calls");
    h.ready("1001", "sales");
    h.ready("1002", "sales");
    h.call("c1", "sales");
    h.serve("1001");
    h.call("c2", "sales");
    h.answer("1002", OfferResult.ANSWERED);
    h.call("c3", "sales");
    h.serve("1001");
    h.clock.advance(Duration.ofSeconds(10));
    h.endCall("1002");
    assertEquals(List.of("1001", "1002", "1001"), h.connector.agentsOffered());
  }

  @Test
  void fewestCalls_offersTheAgentWhoAnsweredTheFewestToday() throws Exception {
    twoCallsForOneOneForTheOther();
    h.call("c4", "sales");
    assertEquals("1002", h.connector.agentsOffered().getLast());
  }

  @Test
  void fewestCalls_countsFromLocalMidnight_soYesterdaysCallsDoNotCount() throws Exception {
    twoCallsForOneOneForTheOther();
    h.clock.set(Instant.parse("2026-01-02T00:00:01Z"));
    h.acd.tick();
    h.call("c4", "sales");
    // Both at zero today: the longest idle, 1001, goes first.
    assertEquals("1001", h.connector.agentsOffered().getLast());
  }

  @Test
  void skills_offersTheHighestLevelFirst_thenTheLongestIdle() throws Exception {
    with("skills");
    h.ready(AcdHarness.skilled("1001", Map.of("sales", 1)));
    h.ready(AcdHarness.skilled("1003", Map.of("sales", 3)));
    h.ready(AcdHarness.skilled("1002", Map.of("sales", 3, "support", 1)));
    h.call("c1", "sales");
    h.call("c2", "sales");
    h.call("c3", "sales");
    assertEquals(List.of("1003", "1002", "1001"), h.connector.agentsOffered());
  }

  @Test
  void skills_levelsArePerQueue() throws Exception {
    with("skills");
    h.ready(AcdHarness.skilled("1001", Map.of("sales", 5, "support", 1)));
    h.ready(AcdHarness.skilled("1002", Map.of("sales", 1, "support", 5)));
    h.call("s1", "support");
    assertEquals(List.of("1002"), h.connector.agentsOffered());
  }

  @Test
  void agentOfSeveralQueues_takesTheLongestWaitScaledByQueueWeight() throws Exception {
    h = new AcdHarness(AcdPolicy.DEFAULTS.with("support", QueueSettings.DEFAULTS.withWeight(3)));
    h.call("sales-1", "sales");
    h.clock.advance(Duration.ofSeconds(20));
    h.call("support-1", "support");
    h.clock.advance(Duration.ofSeconds(30));
    // sales-1: 50 s x 1 = 50; support-1: 30 s x 3 = 90.
    h.ready("1001", "sales", "support");
    assertEquals(List.of("support-1"), h.connector.callsOffered());
  }

  @Test
  void agentOfSeveralQueues_atEqualWeights_takesTheLongestWaiting() throws Exception {
    h = new AcdHarness();
    h.call("sales-1", "sales");
    h.clock.advance(Duration.ofSeconds(20));
    h.call("support-1", "support");
    h.clock.advance(Duration.ofSeconds(30));
    h.ready("1001", "sales", "support");
    assertEquals(List.of("sales-1"), h.connector.callsOffered());
  }

  @Test
  void priority_beatsAnyWeightedWait() throws Exception {
    h = new AcdHarness(AcdPolicy.DEFAULTS.with("support", QueueSettings.DEFAULTS.withWeight(100)));
    h.call("support-1", "support", 5);
    h.clock.advance(Duration.ofMinutes(5));
    h.call("sales-vip", "sales", 0);
    h.ready("1001", "sales", "support");
    assertEquals(List.of("sales-vip"), h.connector.callsOffered());
  }

  @Test
  void weight_doesNotReorderCallersWithinAQueue() throws Exception {
    h = new AcdHarness(AcdPolicy.DEFAULTS.with("support", QueueSettings.DEFAULTS.withWeight(10)));
    h.call("p1", "support", 5);
    h.call("p2", "support", 1);
    h.call("p3", "support", 5);
    h.ready("1001", "support");
    h.serve("1001");
    h.serve("1001");
    assertEquals(List.of("p2", "p1", "p3"), h.connector.callsOffered());
  }
}
