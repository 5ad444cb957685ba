package org.hotline.core.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hotline.core.agent.AgentState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ready, break and logout as an agent asks for them ({@link org.hotline.core.agent.AgentControl}).
 */
class AcdAgentControlTest {
  private final AcdHarness h = new AcdHarness();

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void pause_withAnUnknownReason_isRefusedNamingTheAllowedOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> h.acd.pause("1001", "nap"));
    assertEquals(
        "unknown break reason nap: use one of lunch, meeting, training, personal", e.getMessage());
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
    assertEquals(
        List.of("AVAILABLE(registered)", "BREAK(lunch)", "AVAILABLE(ready)", "RESERVED(c1)"),
        h.transitionsOf("1001"));
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

  @Test
  void reserve_takesAnAvailableAgentOutOfRouting_untilTheirDirectCallEnds() throws Exception {
    h.ready("1001", "sales");
    assertEquals("1001", h.acd.reserve("1001", "dial").get().orElseThrow().id());
    h.call("c1", "sales");
    assertEquals(List.of(), h.connector.offers, "a reserved agent is offered nothing");
    h.acd.directConnected("1001", null, "dial-1");
    h.settle();
    assertEquals(AgentState.ON_CALL, h.state("1001"));
    h.endCall("1001");
    h.settle();
    assertEquals(
        List.of("c1>1001"),
        h.connector.offered(),
        "free again after the call, the waiting call comes");
    assertEquals(
        List.of(
            "AVAILABLE(registered)",
            "RESERVED(dial)",
            "ON_CALL(dial-1)",
            "AVAILABLE(call-ended)",
            "RESERVED(c1)"),
        h.transitionsOf("1001"));
  }

  @Test
  void reserve_refusesAnAgentWhoIsNotAvailable_andReleaseFreesAReservedOne() throws Exception {
    h.ready("1001", "sales");
    h.ready("1002", "sales");
    h.acd.pause("1002", "lunch");
    assertEquals(java.util.Optional.empty(), h.acd.reserve("1002", "transfer").get(), "on break");
    assertEquals(java.util.Optional.empty(), h.acd.reserve("9999", "transfer").get(), "unknown");
    h.acd.reserve("1001", "transfer").get();
    assertEquals(
        java.util.Optional.empty(), h.acd.reserve("1001", "dial").get(), "reserved already");
    h.acd.release("1001", "number-not-reached");
    h.settle();
    assertEquals(AgentState.AVAILABLE, h.state("1001"));
    assertEquals("AVAILABLE(number-not-reached)", h.transitionsOf("1001").getLast());
  }

  @Test
  void aTransferLetRingOut_isAMissedOffer() throws Exception {
    h.ready("1001", "sales");
    h.acd.reserve("1001", "transfer").get();
    h.acd.missed("1001");
    h.settle();
    assertEquals("AVAILABLE(no-answer)", h.transitionsOf("1001").getLast());
    h.acd.missed("1001"); // not reserved now: nothing
    h.settle();
    assertEquals(AgentState.AVAILABLE, h.state("1001"));
  }
}
