package org.hotline.core.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.hotline.core.agent.AgentState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Queue limits: full, max wait, no agents logged in; the call goes back to its flow. */
class AcdLimitsTest {
  private AcdHarness h;

  private void with(QueueSettings sales) {
    h = new AcdHarness(AcdPolicy.DEFAULTS.with("sales", sales));
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void aFullQueue_givesTheNextCallBackAtOnce_andDoesNotCountItAsAbandoned() throws Exception {
    with(QueueSettings.DEFAULTS.withMaxWaiting(2));
    h.call("c1", "sales");
    h.call("c2", "sales");
    h.call("c3", "sales");
    assertEquals(List.of("c3:full"), h.connector.givenBack());
    assertEquals(1.0, h.count("hotline.acd.calls.given.back", "reason", "full"));
    QueueStats s = h.stats("sales");
    assertEquals(2, s.waiting());
    assertEquals(2, s.offered());
    assertEquals(0, s.abandoned());
    assertEquals(1, s.givenBack());
    // Room again once one leaves.
    h.acd.abandon("c1");
    h.call("c4", "sales");
    assertEquals(List.of("c3:full"), h.connector.givenBack());
  }

  @Test
  void aCallRingingAnAgent_stillCountsAgainstTheLimit() throws Exception {
    with(QueueSettings.DEFAULTS.withMaxWaiting(1));
    h.ready("1001", "sales");
    h.call("c1", "sales");
    h.call("c2", "sales");
    assertEquals(List.of("c2:full"), h.connector.givenBack());
  }

  @Test
  void maxWait_givesTheCallBackWhenItsTimeIsUp() throws Exception {
    with(QueueSettings.DEFAULTS.withMaxWait(Duration.ofSeconds(60)));
    h.call("c1", "sales");
    h.advanceAndTick(Duration.ofSeconds(59));
    assertEquals(List.of(), h.connector.givenBack());
    h.advanceAndTick(Duration.ofSeconds(1));
    assertEquals(List.of("c1:max-wait"), h.connector.givenBack());
    assertEquals(1.0, h.count("hotline.acd.calls.given.back", "reason", "max-wait"));
    assertEquals(0, h.stats("sales").waiting());
    assertEquals(0, h.stats("sales").abandoned());
    // Gone: an agent who comes now is not offered it.
    h.ready("1001", "sales");
    assertEquals(List.of(), h.connector.offers);
  }

  @Test
  void maxWait_whileRinging_waitsForTheOffer_andGivesBackIfNotAnswered() throws Exception {
    with(QueueSettings.DEFAULTS.withMaxWait(Duration.ofSeconds(60)));
    h.ready("1001", "sales");
    h.call("c1", "sales");
    h.advanceAndTick(Duration.ofSeconds(61));
    assertEquals(List.of(), h.connector.givenBack());
    h.answer("1001", OfferResult.NOT_ANSWERED);
    assertEquals(List.of("c1:max-wait"), h.connector.givenBack());
    assertEquals(AgentState.AVAILABLE, h.state("1001"));
    assertEquals(0, h.settle().waitingByQueue().get("sales"));
  }

  @Test
  void noAgentsLoggedIn_andLeave_givesTheCallBackAtOnce() throws Exception {
    with(QueueSettings.DEFAULTS.withJoinWhenNoAgents(false));
    h.acd.addAgent(
        new org.hotline.core.agent.Agent("1001", null, "1001", java.util.Set.of("sales")));
    h.call("c1", "sales");
    assertEquals(List.of("c1:no-agents"), h.connector.givenBack());
    assertEquals(1.0, h.count("hotline.acd.calls.given.back", "reason", "no-agents"));
  }

  @Test
  void anAgentOnBreak_isLoggedIn_soCallsJoin() throws Exception {
    with(QueueSettings.DEFAULTS.withJoinWhenNoAgents(false));
    h.ready("1001", "sales");
    h.acd.pause("1001", "lunch");
    h.call("c1", "sales");
    assertEquals(List.of(), h.connector.givenBack());
    assertEquals(1, h.stats("sales").waiting());
  }

  @Test
  void noAgentsAndJoin_letsCallsWait() throws Exception {
    with(QueueSettings.DEFAULTS);
    h.call("c1", "sales");
    assertEquals(List.of(), h.connector.givenBack());
  }

  @Test
  void theLastAgentLoggingOut_givesTheWaitingCallsBack_afterTheirCall() throws Exception {
    with(QueueSettings.DEFAULTS.withJoinWhenNoAgents(false));
    h.ready("1001", "sales", "support");
    h.call("c1", "sales");
    h.answer("1001", OfferResult.ANSWERED);
    h.call("c2", "sales");
    h.call("c3", "support");
    h.acd.agentUnregistered("1001");
    h.settle();
    // Still on the call, so still logged in: c2 waits.
    assertEquals(List.of(), h.connector.givenBack());
    h.endCall("1001");
    assertEquals(AgentState.LOGGED_OUT, h.state("1001"));
    // support keeps its callers without agents (the default).
    assertEquals(List.of("c2:no-agents"), h.connector.givenBack());
    assertEquals(1, h.stats("support").waiting());
  }
}
