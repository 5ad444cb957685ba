package org.hotline.core.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hotline.core.agent.AgentState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ready, break and logout as an agent asks for them ({@link org.hotline.core.agent.AgentControl}). */
class AcdAgentControlTest {
  private final AcdHarness h = new AcdHarness();

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void pause_withAnUnknownReason_isRefusedNamingTheAllowedOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.acd.pause("1001", "nap"));
    assertEquals("unknown break reason nap: use one of lunch, meeting, training, personal", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> h.acd.pause("1001", "missed"));
  }

  @Test
  void pause_takesTheAgentOutOfRouting_andReadyBringsThemBackToTheWaitingCall() throws Exception {
    h.ready("1001", "sales");
    h.acd.pause("1001", "lunch");
    h.call("c1", "sales");
    assertEquals(AgentState.BREAK, h.state("1001"));
    assertEquals(List.of(), h.connector.offers);
    h.acd.ready("1001");
    h.settle();
    assertEquals(List.of("c1>1001"), h.connector.offered());
    assertEquals(List.of("AVAILABLE(registered)", "BREAK(lunch)", "AVAILABLE(ready)", "RESERVED(c1)"), h.transitionsOf("1001"));
  }

  @Test
  void pause_duringACall_startsTheBreakWhenTheCallEnds() throws Exception {
    h.ready("1001", "sales");
    h.call("c1", "sales");
    h.answer("1001", OfferResult.ANSWERED);
    h.acd.pause("1001", "meeting");
    h.call("c2", "sales");
    assertEquals(AgentState.ON_CALL, h.state("1001"));
    h.endCall("1001");
    assertEquals(AgentState.BREAK, h.state("1001"));
    assertEquals("BREAK(meeting)", h.transitionsOf("1001").getLast());
    assertEquals(1, h.connector.offers.size());
  }

  @Test
  void logout_staysLoggedOutThroughRegistrationRefreshes_untilReady() throws Exception {
    h.ready("1001", "sales");
    h.acd.logout("1001");
    h.acd.agentRegistered("1001");
    h.call("c1", "sales");
    assertEquals(AgentState.LOGGED_OUT, h.state("1001"));
    assertEquals("LOGGED_OUT(logout)", h.transitionsOf("1001").getLast());
    h.acd.ready("1001");
    h.settle();
    assertEquals(List.of("c1>1001"), h.connector.offered());
  }

  @Test
  void logout_duringACall_takesEffectWhenTheCallEnds() throws Exception {
    h.ready("1001", "sales");
    h.call("c1", "sales");
    h.answer("1001", OfferResult.ANSWERED);
    h.acd.logout("1001");
    assertEquals(AgentState.ON_CALL, h.state("1001"));
    h.endCall("1001");
    assertEquals(AgentState.LOGGED_OUT, h.state("1001"));
  }

  @Test
  void ready_withoutARegisteredPhone_waitsForTheRegistration() throws Exception {
    h.ready("1001", "sales");
    h.acd.agentUnregistered("1001");
    h.acd.ready("1001");
    assertEquals(AgentState.LOGGED_OUT, h.state("1001"));
    h.acd.agentRegistered("1001");
    assertEquals(AgentState.AVAILABLE, h.state("1001"));
  }

  @Test
  void aRegistrationExpiring_takesTheAgentOut() throws Exception {
    h.ready("1001", "sales");
    h.acd.agentUnregistered("1001");
    assertEquals(AgentState.LOGGED_OUT, h.state("1001"));
    assertEquals("LOGGED_OUT(unregistered)", h.transitionsOf("1001").getLast());
  }

  @Test
  void theAutomaticBreak_usesReasonMissed() throws Exception {
    h.ready("1001", "sales");
    for (int i = 1; i <= 3; i++) {
      h.call("c" + i, "sales");
      h.answer("1001", OfferResult.NOT_ANSWERED);
    }
    assertEquals("BREAK(missed)", h.transitionsOf("1001").getLast());
  }
}
