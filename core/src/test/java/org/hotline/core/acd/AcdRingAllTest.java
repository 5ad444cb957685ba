package org.hotline.core.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hotline.core.agent.AgentState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ring-all: every free agent rings, the first to answer wins, the others are free again. */
class AcdRingAllTest {
  // A single miss would put an agent on break: proves ANSWERED_ELSEWHERE is no miss.
  private AcdHarness h =
      new AcdHarness(
          AcdPolicy.DEFAULTS
              .withDefaults(QueueSettings.DEFAULTS.withStrategy("ring-all"))
              .withMaxMissed(1));

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void aCall_ringsEveryFreeAgentOfTheQueue() throws Exception {
    h.ready("1001", "sales");
    h.ready("1002", "sales");
    h.ready("1003", "support");
    h.call("c1", "sales");
    assertEquals(List.of("c1>1001", "c1>1002"), h.connector.offered());
    assertEquals(AgentState.RESERVED, h.state("1001"));
    assertEquals(AgentState.RESERVED, h.state("1002"));
    assertEquals(AgentState.AVAILABLE, h.state("1003"));
  }

  @Test
  void theFirstAnswerWins_andTheOthersAreFreeAgainWithoutAMiss() throws Exception {
    h.ready("1001", "sales");
    h.ready("1002", "sales");
    h.ready("1003", "sales");
    h.call("c1", "sales");
    h.answer("1002", OfferResult.ANSWERED);
    h.answer("1001", OfferResult.ANSWERED_ELSEWHERE);
    h.answer("1003", OfferResult.ANSWERED_ELSEWHERE);
    AcdSnapshotAssert.states(
        h.settle(),
        "1001",
        AgentState.AVAILABLE,
        "1002",
        AgentState.ON_CALL,
        "1003",
        AgentState.AVAILABLE);
    assertEquals(
        List.of("AVAILABLE(registered)", "RESERVED(c1)", "AVAILABLE(answered-elsewhere)"),
        h.transitionsOf("1001"));
    assertEquals(1.0, h.count("hotline.acd.offers.answered"));
    assertEquals(2.0, h.count("hotline.acd.offers.answered.elsewhere"));
    assertEquals(1, h.stats("sales").answered());
    // The next call rings the two free agents only.
    h.call("c2", "sales");
    assertEquals(List.of("c2>1001", "c2>1003"), h.connector.offered().subList(3, 5));
  }

  @Test
  void theOthersEndingNotAnsweredAfterTheAnswer_isNoMissEither() throws Exception {
    h.ready("1001", "sales");
    h.ready("1002", "sales");
    h.call("c1", "sales");
    h.answer("1001", OfferResult.ANSWERED);
    h.answer("1002", OfferResult.NOT_ANSWERED);
    assertEquals(AgentState.AVAILABLE, h.state("1002"));
    assertEquals(0.0, h.count("hotline.acd.offers.not.answered"));
  }

  @Test
  void theCallerHangingUpWhileAllRing_isOneAbandonedCall_andEveryAgentIsFree() throws Exception {
    h.ready("1001", "sales");
    h.ready("1002", "sales");
    h.call("c1", "sales");
    h.answer("1001", OfferResult.CALL_GONE);
    h.answer("1002", OfferResult.CALL_GONE);
    AcdSnapshotAssert.states(
        h.settle(), "1001", AgentState.AVAILABLE, "1002", AgentState.AVAILABLE);
    assertEquals(1, h.stats("sales").abandoned());
    assertEquals(0, h.stats("sales").waiting());
  }

  @Test
  void noOneAnswering_theCallWaitsAtItsPlace_andRingsTheAgentsAgainAfterTheRetry()
      throws Exception {
    h.close();
    h =
        new AcdHarness(
            AcdPolicy.DEFAULTS.withDefaults(QueueSettings.DEFAULTS.withStrategy("ring-all")));
    {
      h.ready("1001", "sales");
      h.ready("1002", "sales");
      h.call("c1", "sales");
      h.answer("1001", OfferResult.NOT_ANSWERED);
      assertEquals(AgentState.AVAILABLE, h.state("1001"));
      assertEquals(2, h.connector.offers.size());
      h.answer("1002", OfferResult.NOT_ANSWERED);
      assertEquals(1, h.settle().waitingByQueue().get("sales"));
      h.ready("1003", "sales");
      assertEquals("c1>1003", h.connector.offered().getLast());
      h.answer("1003", OfferResult.NOT_ANSWERED);
      h.advanceAndTick(AcdHarness.RETRY);
      assertEquals(
          List.of("c1>1001", "c1>1002", "c1>1003", "c1>1001", "c1>1002", "c1>1003"),
          h.connector.offered());
    }
  }
}
