package org.hotline.core.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.core.agent.Agent;
import org.hotline.core.agent.AgentState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Queue settings and agents changed while the ACD runs. */
class AcdLiveChangesTest {
  private AcdHarness h = new AcdHarness();

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void configure_aNewStrategy_sortsTheFreeAgentsAgainAtOnce() throws Exception {
    h.ready(AcdHarness.skilled("1001", Map.of("sales", 1)));
    h.ready(AcdHarness.skilled("1002", Map.of("sales", 1)));
    h.ready(AcdHarness.skilled("1003", Map.of("sales", 5)));
    h.acd.configure("sales", QueueSettings.DEFAULTS.withStrategy("skills"));
    h.call("c1", "sales");
    assertEquals(List.of("1003"), h.connector.agentsOffered());
    h.acd.resetQueue("sales");
    h.call("c2", "sales");
    assertEquals(List.of("1003", "1001"), h.connector.agentsOffered());
    assertEquals(QueueSettings.DEFAULTS, h.acd.policy().get().settingsOf("sales"));
  }

  @Test
  void ringTimeout_goesWithEachOffer_fromTheQueueOfTheCall() throws Exception {
    h.acd.configure("sales", QueueSettings.DEFAULTS.withRingTimeout(Duration.ofSeconds(8)));
    h.ready("1001", "sales", "support");
    h.call("s1", "sales");
    h.serve("1001");
    h.call("p1", "support");
    h.serve("1001");
    h.acd.configure("support", QueueSettings.DEFAULTS.withRingTimeout(Duration.ofSeconds(40)));
    h.call("p2", "support");
    assertEquals(
        List.of(Duration.ofSeconds(8), Duration.ofSeconds(15), Duration.ofSeconds(40)),
        h.connector.offers.stream().map(Offer::ringTimeout).toList());
  }

  @Test
  void wrapUp_isTheOneOfTheQueueTheCallCameFrom() throws Exception {
    h.acd.configure("sales", QueueSettings.DEFAULTS.withWrapUp(Duration.ofSeconds(30)));
    h.ready("1001", "sales", "support");
    h.call("p1", "support");
    h.serve("1001");
    assertEquals(AgentState.AVAILABLE, h.state("1001"));
    h.call("s1", "sales");
    h.serve("1001");
    assertEquals(AgentState.WRAP_UP, h.state("1001"));
    h.advanceAndTick(Duration.ofSeconds(30));
    assertEquals(AgentState.AVAILABLE, h.state("1001"));
  }

  @Test
  void configure_aShorterMaxWait_appliesToTheCallersAlreadyWaiting() throws Exception {
    h.call("c1", "sales");
    h.advanceAndTick(Duration.ofSeconds(90));
    h.acd.configure("sales", QueueSettings.DEFAULTS.withMaxWait(Duration.ofSeconds(60)));
    h.acd.tick();
    h.settle();
    assertEquals(List.of("c1:max-wait"), h.connector.givenBack());
  }

  @Test
  void configure_leaveWithoutAgents_givesBackTheCallersOfAQueueWithNone() throws Exception {
    h.call("c1", "sales");
    h.acd.configure("sales", QueueSettings.DEFAULTS.withJoinWhenNoAgents(false));
    h.settle();
    assertEquals(List.of("c1:no-agents"), h.connector.givenBack());
  }

  @Test
  void updateAgent_aFreeAgentTakesACallerOfItsNewQueueAtOnce() throws Exception {
    h.ready("1001", "sales");
    h.call("p1", "support");
    h.acd.updateAgent(new Agent("1001", null, "1001", Set.of("sales", "support")));
    h.settle();
    assertEquals(List.of("p1>1001"), h.connector.offered());
  }

  @Test
  void updateAgent_anAgentOnACallKeepsIt_andServesTheNewQueuesAfter() throws Exception {
    h.ready("1001", "sales");
    h.call("s1", "sales");
    h.answer("1001", OfferResult.ANSWERED);
    h.acd.updateAgent(new Agent("1001", null, "1001", Set.of("support")));
    h.call("s2", "sales");
    h.call("p1", "support");
    assertEquals(AgentState.ON_CALL, h.state("1001"));
    h.endCall("1001");
    assertEquals(List.of("s1>1001", "p1>1001"), h.connector.offered());
    assertEquals(0, h.stats("sales").agents().get(AgentState.RESERVED));
  }

  @Test
  void updateAgent_newLevelsCountAtOnce() throws Exception {
    h.acd.configure("sales", QueueSettings.DEFAULTS.withStrategy("skills"));
    h.ready(AcdHarness.skilled("1001", Map.of("sales", 5)));
    h.ready(AcdHarness.skilled("1002", Map.of("sales", 3)));
    h.acd.updateAgent(AcdHarness.skilled("1001", Map.of("sales", 1)));
    h.call("c1", "sales");
    assertEquals(List.of("1002"), h.connector.agentsOffered());
  }

  @Test
  void removeAgent_aFreeAgentLeavesAtOnce_anAgentOnACallWhenItEnds() throws Exception {
    h.ready("1001", "sales");
    h.ready("1002", "sales");
    h.call("c1", "sales");
    h.answer("1001", OfferResult.ANSWERED);
    h.acd.removeAgent("1001");
    h.acd.removeAgent("1002");
    assertFalse(h.settle().agentStates().containsKey("1002"));
    assertEquals(AgentState.ON_CALL, h.state("1001"));
    h.endCall("1001");
    assertFalse(h.settle().agentStates().containsKey("1001"));
    h.call("c2", "sales");
    assertEquals(1, h.connector.offers.size());
  }
}
