package org.hotline.sip.call;

import static org.hotline.sip.call.CallFixture.RING;
import static org.hotline.sip.call.CallFixture.agent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.ControlResult;
import org.hotline.core.event.CallEvent;
import org.junit.jupiter.api.Test;

/**
 * Click-to-call: the agent's phone first, then the customer's, through the same legs and timers.
 */
class OutboundCallsTest {
  final CallFixture f = new CallFixture();
  final OutboundCalls outbound = new OutboundCalls(f.services);

  @Test
  void theAgentDoesNotAnswer_theAttemptLeavesAFailedCdr_andTheAgentIsFree() {
    f.registered("1001");

    ControlResult result = outbound.dial(agent("1001"), "13900139000", "sip:13900139000@trunk");
    assertTrue(result.isDone());
    assertEquals(1, f.legs.size());
    assertEquals(1, f.registry.outbound().size());

    f.timers.advance(RING);

    verify(f.acd).release("1001", "dial-not-answered");
    assertEquals(CallOutcome.FAILED, f.cdrs.getLast().outcome());
    assertEquals("agent-no-answer", f.cdrs.getLast().hangupCause());
    assertTrue(f.registry.isEmpty());
  }

  @Test
  void bothAnswer_theyAreBridged_andTheAgentsByeEndsTheCall() {
    f.registered("1001");
    String callId = outbound.dial(agent("1001"), "13900139000", "sip:13900139000@trunk").callId();

    f.answers(f.legs.getFirst());
    assertEquals(2, f.legs.size(), "the customer is called once the agent answered");
    f.answers(f.legs.get(1));

    verify(f.acd).directConnected("1001", null, callId);
    assertEquals("1001", f.events(CallEvent.Connected.class).getFirst().agentId());
    verify(f.agentMedia.getFirst()).bridge(f.agentMedia.get(1));

    AgentLeg agentLeg = f.legs.getFirst();
    agentLeg
        .owner()
        .executor()
        .execute(
            () ->
                agentLeg
                    .owner()
                    .legBye(
                        agentLeg, CallSessionTest.bye(), mock(javax.sip.ServerTransaction.class)));

    assertEquals(CallOutcome.ANSWERED, f.cdrs.getLast().outcome());
    assertEquals("agent-bye", f.cdrs.getLast().hangupCause());
    verify(f.acd).agentCallEnded("1001");
    assertTrue(f.registry.isEmpty());
  }

  @Test
  void theCustomerDoesNotAnswer_theCallFails_andTheAgentIsFree() {
    f.registered("1001");
    outbound.dial(agent("1001"), "13900139000", "sip:13900139000@trunk");
    f.answers(f.legs.getFirst());

    f.timers.advance(RING);

    verify(f.acd).release("1001", "number-not-reached");
    assertEquals("number-no-answer", f.cdrs.getLast().hangupCause());
    assertTrue(f.registry.isEmpty());
  }
}
