package org.hotline.sip.call;

import static org.hotline.sip.call.CallFixture.RING;
import static org.hotline.sip.call.CallFixture.RTP_TIMEOUT;
import static org.hotline.sip.call.CallFixture.agent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import org.hotline.core.acd.Offer;
import org.hotline.core.acd.OfferResult;
import org.hotline.core.acd.QueueExit;
import org.hotline.core.acd.QueuedCall;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.ControlResult;
import org.hotline.core.event.CallEvent;
import org.hotline.core.flow.CallFlow;
import org.hotline.core.flow.QueueWait;
import org.hotline.core.flow.TransferResult;
import org.hotline.core.flow.TransferTarget;
import org.junit.jupiter.api.Test;

/**
 * Every move of an inbound call's state, driven through its real parts (see {@link CallFixture}).
 */
class CallSessionTest {
  final CallFixture f = new CallFixture();

  CompletableFuture<OfferResult> offerTo(CallSession session, String agentId) {
    f.registered(agentId);
    return session
        .queue()
        .offer(
            new Offer(
                new QueuedCall(session.id(), "sales", 5, "13800138000"), agent(agentId), RING));
  }

  /** An answered call, queued, offered to {@code agentId} who answered. */
  CallSession connectedTo(String agentId) {
    CallSession session = f.answeredCall("c1");
    session.queue().enqueue("sales", 5);
    offerTo(session, agentId);
    f.answers(f.legs.getLast());
    assertEquals(CallState.CONNECTED, session.state());
    return session;
  }

  static RequestEvent bye() {
    RequestEvent event = mock(RequestEvent.class);
    when(event.getRequest()).thenReturn(mock(Request.class));
    return event;
  }

  @Test
  void answering_theOkGoesOut_andTheFlowHasTheCaller() {
    CallSession session = f.answeredCall("c1");

    assertEquals(CallState.IVR, session.state());
    assertEquals(CallFixture.T0, session.call().answeredAt());
    assertEquals(1, f.timers.pending(), "the dead-peer watch runs");
  }

  @Test
  void cancelBeforeTheAnswer_ends_andTheStoredCdrFinishesTheCall() {
    CallSession session = f.newCall("c1");
    f.stored = new CompletableFuture<>();

    session.ending().onCallerCancel();
    assertEquals(CallState.ENDING, session.state());
    assertTrue(f.registry.bySipCallId("c1").isPresent(), "known until its CDR is stored");

    f.stored.complete(null);
    assertEquals(CallState.FINISHED, session.state());
    assertEquals(CallOutcome.IVR_HANGUP, f.cdrs.getFirst().outcome());
    assertEquals("caller-cancel", f.cdrs.getFirst().hangupCause());
    assertTrue(f.registry.bySipCallId("c1").isEmpty());
    assertTrue(f.registry.byCallId("c1").isEmpty());
  }

  @Test
  void enqueue_movesToQueued_andTheAcdHasTheCall() {
    CallSession session = f.answeredCall("c1");

    session.queue().enqueue("sales", 5);

    assertEquals(CallState.QUEUED, session.state());
    verify(f.acd).enqueue(new QueuedCall("c1", "sales", 5, "13800138000"));
    assertEquals(1, f.events(CallEvent.Queued.class).size());
  }

  @Test
  void anOffer_ringsTheAgent_andTheRingTimeoutPutsTheCallBackInTheQueue() {
    CallSession session = f.answeredCall("c1");
    session.queue().enqueue("sales", 5);

    CompletableFuture<OfferResult> offer = offerTo(session, "1001");
    assertEquals(CallState.OFFERING, session.state());
    assertEquals(1, f.legs.size());
    f.rings(f.legs.getFirst());

    f.timers.advance(RING.minusSeconds(1));
    assertFalse(offer.isDone());
    f.timers.advance(java.time.Duration.ofSeconds(1));
    assertEquals(OfferResult.NOT_ANSWERED, offer.join());
    assertEquals(CallState.QUEUED, session.state());
    assertEquals(1.0, f.meters.counter("hotline.sip.agent.not.answered").count());
  }

  @Test
  void theAgentAnswers_theCallIsConnected_andFoundByTheAgent() {
    CallSession session = f.answeredCall("c1");
    QueueWait wait = session.queue().enqueue("sales", 5);
    CompletableFuture<OfferResult> offer = offerTo(session, "1001");

    f.answers(f.legs.getFirst());

    assertEquals(CallState.CONNECTED, session.state());
    assertEquals(OfferResult.ANSWERED, offer.join());
    assertTrue(wait.connected().join());
    assertEquals(Optional.of(session), f.registry.byAgent("1001"));
    verify(f.callerMedia).bridge(f.agentMedia.getFirst());
    assertEquals("1001", f.events(CallEvent.Connected.class).getFirst().agentId());
  }

  @Test
  void ringAll_theFirstToAnswerWins_andTheOthersStopWithoutAMiss() {
    CallSession session = f.answeredCall("c1");
    session.queue().enqueue("sales", 5);
    CompletableFuture<OfferResult> first = offerTo(session, "1001");
    CompletableFuture<OfferResult> second = offerTo(session, "1002");

    f.answers(f.legs.get(1));

    assertEquals(OfferResult.ANSWERED_ELSEWHERE, first.join());
    assertEquals(OfferResult.ANSWERED, second.join());
    assertEquals(Optional.of(session), f.registry.byAgent("1002"));
    assertTrue(f.registry.byAgent("1001").isEmpty());
  }

  @Test
  void anOfferOfACallNotWaiting_isCallGone_andRingsNobody() {
    CallSession session = f.answeredCall("c1");

    assertEquals(OfferResult.CALL_GONE, offerTo(session, "1001").join());
    assertTrue(f.legs.isEmpty());
    assertEquals(CallState.IVR, session.state());
  }

  @Test
  void leavingTheQueue_whileOffered_stopsThePhone_andReturnsToTheIvr() {
    CallSession session = f.answeredCall("c1");
    QueueWait wait = session.queue().enqueue("sales", 5);
    CompletableFuture<OfferResult> offer = offerTo(session, "1001");

    assertTrue(wait.leave().join());

    assertEquals(CallState.IVR, session.state());
    assertEquals(OfferResult.CALL_GONE, offer.join());
    assertFalse(wait.connected().join());
    verify(f.acd).leave("c1");
  }

  @Test
  void givenBack_returnsToTheIvr_andOverflowNamesTheNewQueue() {
    CallSession session = f.answeredCall("c1");
    QueueWait wait = session.queue().enqueue("sales", 5);

    session.queue().overflowed("overflow");
    assertEquals("overflow", wait.queue());
    assertEquals("overflow", session.call().queue());

    session.queue().givenBack(QueueExit.FULL);
    assertEquals(CallState.IVR, session.state());
    assertFalse(wait.connected().join());
  }

  @Test
  void flowTransferToAnAgent_notAnswered_returnsToTheIvr_andTheAcdCountsAMiss() {
    CallSession session = f.answeredCall("c1");
    f.registered("1002");
    when(f.acd.reserve("1002", "transfer"))
        .thenReturn(CompletableFuture.completedFuture(Optional.of(agent("1002"))));

    CompletableFuture<TransferResult> result =
        session.transfer().transfer(new TransferTarget.Agent("1002"));
    assertEquals(CallState.TRANSFERRING, session.state());

    f.timers.advance(RING);
    assertEquals(TransferResult.NO_ANSWER, result.join());
    assertEquals(CallState.IVR, session.state());
    verify(f.callerMedia).clearDigits();
    verify(f.acd).missed("1002");
  }

  @Test
  void flowTransferToAnAgent_answered_connects() {
    CallSession session = f.answeredCall("c1");
    f.registered("1002");
    when(f.acd.reserve("1002", "transfer"))
        .thenReturn(CompletableFuture.completedFuture(Optional.of(agent("1002"))));

    CompletableFuture<TransferResult> result =
        session.transfer().transfer(new TransferTarget.Agent("1002"));
    f.answers(f.legs.getFirst());

    assertEquals(TransferResult.CONNECTED, result.join());
    assertEquals(CallState.CONNECTED, session.state());
    verify(f.acd).directConnected("1002", null, "c1");
    assertEquals(Optional.of(session), f.registry.byAgent("1002"));
  }

  @Test
  void deskHold_holdsWithMusic_thenResumes_countingTheHoldTime() {
    CallSession session = connectedTo("1001");

    assertTrue(session.desk().hold("1001", true).join().isDone());
    verify(f.callerMedia).holdMusic(any());
    assertTrue(session.call().isHeld());
    f.clock.advance(java.time.Duration.ofSeconds(15));
    assertTrue(session.desk().hold("1001", false).join().isDone());
    verify(f.callerMedia).stopHoldMusic();

    List<CallEvent.Held> held = f.events(CallEvent.Held.class);
    assertEquals(List.of(true, false), held.stream().map(CallEvent.Held::held).toList());
    assertEquals(15, session.call().holdSeconds());
    assertEquals(1.0, f.meters.counter("hotline.calls.holds").count());
  }

  @Test
  void deskCommands_fromAnAgentNotOnTheCall_areRefused() {
    CallSession session = connectedTo("1001");

    assertEquals(
        ControlResult.Status.NOT_ON_A_CALL, session.desk().hold("1009", true).join().status());
    assertEquals(Optional.empty(), session.desk().hangUp("1009").join());
    assertEquals(CallState.CONNECTED, session.state());
  }

  @Test
  void deskTransferToQueue_recordsTheAgentsPart_andTheCallerGoesOnAsTheNextPart() {
    CallSession session = connectedTo("1001");
    CallFlow waitFlow = CallFixture.waitingFlow();

    ControlResult result = session.desk().toQueue("1001", "support", waitFlow).join();

    assertEquals("c1", result.callId());
    assertEquals(CallState.IVR, session.state());
    assertEquals("c1#2", session.id());
    assertEquals("transferred", f.cdrs.getFirst().hangupCause());
    verify(f.acd).agentCallEnded("1001");
    assertTrue(f.registry.byAgent("1001").isEmpty());
    assertEquals(Optional.of(session), f.registry.byCallId("c1#2"));
  }

  @Test
  void deskTransferToAgent_notAnswered_freesTheTarget_andTheCallerWaitsInTheQueueAgain() {
    CallSession session = connectedTo("1001");
    f.registered("1002");
    CallFlow waitFlow = CallFixture.waitingFlow();

    assertTrue(
        session.desk().toAgent("1001", agent("1002"), Optional.of(waitFlow)).join().isDone());
    assertEquals(CallState.TRANSFERRING, session.state());
    assertEquals("1002", f.events(CallEvent.Offered.class).getLast().agentId());

    f.timers.advance(RING);
    assertEquals(CallState.IVR, session.state());
    verify(f.acd).missed("1002");
    verify(f.acd, never()).directConnected(any(), any(), any());
  }

  @Test
  void deskTransferToAgent_answered_connectsTheTarget() {
    CallSession session = connectedTo("1001");
    f.registered("1002");

    session.desk().toAgent("1001", agent("1002"), Optional.empty()).join();
    f.answers(f.legs.getLast());

    assertEquals(CallState.CONNECTED, session.state());
    verify(f.acd).directConnected("1002", "sales", "c1#2");
    assertEquals(Optional.of(session), f.registry.byAgent("1002"));
  }

  @Test
  void agentBye_endsTheCall_freesTheAgent_andTheCallFinishesOnceItsCdrIsStored() {
    CallSession session = connectedTo("1001");
    f.stored = new CompletableFuture<>();

    session.agentSide().legBye(f.legs.getFirst(), bye(), mock(ServerTransaction.class));

    assertEquals(CallState.ENDING, session.state());
    verify(f.acd).agentCallEnded("1001");
    assertTrue(f.registry.byAgent("1001").isEmpty());
    f.stored.complete(null);
    assertEquals(CallState.FINISHED, session.state());
    assertEquals("agent-bye", f.cdrs.getLast().hangupCause());
    assertEquals(CallOutcome.ANSWERED, f.cdrs.getLast().outcome());
    assertEquals(1, f.events(CallEvent.Finished.class).size());
    assertTrue(f.registry.bySipCallId("c1").isEmpty());
    assertEquals(0, f.timers.pending(), "no timer left behind");
  }

  @Test
  void deskHangUp_endsTheCall() {
    CallSession session = connectedTo("1001");

    assertEquals(Optional.of("c1"), session.desk().hangUp("1001").join());
    assertEquals(CallState.FINISHED, session.state());
    assertEquals("agent-hangup", f.cdrs.getLast().hangupCause());
  }

  @Test
  void callerByeWhileQueued_isAbandoned() {
    CallSession session = f.answeredCall("c1");
    session.queue().enqueue("sales", 5);

    session.ending().onCallerBye(bye(), mock(ServerTransaction.class));

    verify(f.acd).abandon("c1");
    assertEquals(CallOutcome.ABANDONED, f.cdrs.getLast().outcome());
    assertEquals(CallState.FINISHED, session.state());
  }

  @Test
  void noRtpFromTheCaller_forTheTimeout_endsTheCall() {
    CallSession session = f.answeredCall("c1");
    when(f.callerMedia.packetsReceived()).thenReturn(5L);

    f.timers.advance(RTP_TIMEOUT);
    assertEquals(CallState.IVR, session.state(), "the first look only takes note");
    f.timers.advance(RTP_TIMEOUT);

    assertEquals(CallState.FINISHED, session.state());
    assertEquals("rtp-timeout", f.cdrs.getLast().hangupCause());
  }

  @Test
  void noRtpFromTheConnectedAgent_endsTheCall() {
    CallSession session = connectedTo("1001");
    long[] fromCaller = {0};
    when(f.callerMedia.packetsReceived()).thenAnswer(inv -> fromCaller[0] += 10);

    f.timers.advance(RTP_TIMEOUT.multipliedBy(2));

    assertEquals(CallState.FINISHED, session.state());
    assertEquals("agent-rtp-timeout", f.cdrs.getLast().hangupCause());
    verify(f.acd).agentCallEnded("1001");
  }

  @Test
  void aCallerWhoKeepsSending_isNotEnded() {
    CallSession session = f.answeredCall("c1");
    long[] fromCaller = {0};
    when(f.callerMedia.packetsReceived()).thenAnswer(inv -> fromCaller[0] += 10);

    f.timers.advance(RTP_TIMEOUT.multipliedBy(10));

    assertEquals(CallState.IVR, session.state());
  }
}
