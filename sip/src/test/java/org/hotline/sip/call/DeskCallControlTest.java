package org.hotline.sip.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.hotline.core.acd.Offer;
import org.hotline.core.acd.OfferResult;
import org.hotline.core.acd.QueueExit;
import org.hotline.core.acd.QueuedCall;
import org.hotline.core.call.ControlResult;
import org.hotline.core.flow.EntryPoints;
import org.junit.jupiter.api.Test;

/** The desktop's and the ACD's ways into the calls: each finds its call in the registry. */
class DeskCallControlTest {
  final CallFixture f = new CallFixture();
  final DeskCallControl desk =
      new DeskCallControl(f.services, mock(EntryPoints.class), new OutboundCalls(f.services));
  final AcdConnector connector =
      new AcdConnector(
          f.registry, offer -> CompletableFuture.completedFuture(OfferResult.CALL_GONE));

  CallSession connectedTo(String agentId) {
    CallSession session = f.answeredCall("c1");
    session.queue().enqueue("sales", 5);
    f.registered(agentId);
    connector.offer(
        new Offer(
            new QueuedCall("c1", "sales", 5, "13800138000"),
            CallFixture.agent(agentId),
            CallFixture.RING));
    f.answers(f.legs.getLast());
    return session;
  }

  @Test
  void anAgentOnNoCall_isToldSo() {
    f.answeredCall("c1");

    assertEquals(Optional.empty(), desk.hangup("1001").join());
    assertEquals(ControlResult.Status.NOT_ON_A_CALL, desk.hold("1001", true).join().status());
    assertEquals(
        ControlResult.Status.NOT_ON_A_CALL,
        desk.transferToQueue("1001", "support").join().status());
    assertEquals(
        ControlResult.Status.NOT_ON_A_CALL, desk.transferToAgent("1001", "1002").join().status());
  }

  @Test
  void theConnectedAgent_holdsAndHangsUpTheirCall() {
    CallSession session = connectedTo("1001");

    assertEquals("c1", desk.hold("1001", true).join().callId());
    assertEquals(Optional.of("c1"), desk.hangup("1001").join());
    assertEquals(CallState.FINISHED, session.state());
    assertEquals(Optional.empty(), desk.hangup("1001").join(), "the agent is on no call any more");
  }

  @Test
  void aTransferToAnAgentTheAcdCannotReserve_isRefused_andTheCallStays() {
    CallSession session = connectedTo("1001");
    when(f.acd.reserve("1002", "transfer"))
        .thenReturn(CompletableFuture.completedFuture(Optional.empty()));

    assertEquals(
        ControlResult.Status.AGENT_UNAVAILABLE,
        desk.transferToAgent("1001", "1002").join().status());
    assertEquals(
        ControlResult.Status.AGENT_UNAVAILABLE,
        desk.transferToAgent("1001", "1001").join().status());
    assertEquals(CallState.CONNECTED, session.state());
  }

  @Test
  void aTransferToAnAgentWithNoPhone_releasesTheReservation() {
    connectedTo("1001");
    when(f.acd.reserve("1003", "transfer"))
        .thenReturn(CompletableFuture.completedFuture(Optional.of(CallFixture.agent("1003"))));

    assertEquals(
        ControlResult.Status.AGENT_UNAVAILABLE,
        desk.transferToAgent("1001", "1003").join().status());
    verify(f.acd).release("1003", "transfer-cancelled");
  }

  @Test
  void theAcd_reachesACallByItsId_andAGoneCallIsCallGone() {
    CallSession session = f.answeredCall("c1");
    session.queue().enqueue("sales", 5);

    connector.giveBack("c1", QueueExit.FULL);
    assertEquals(CallState.IVR, session.state());
    assertEquals(
        OfferResult.CALL_GONE,
        connector
            .offer(
                new Offer(
                    new QueuedCall("gone", "sales", 5, "1"),
                    CallFixture.agent("1001"),
                    CallFixture.RING))
            .toCompletableFuture()
            .join());
  }
}
