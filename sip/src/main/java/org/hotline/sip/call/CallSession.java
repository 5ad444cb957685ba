package org.hotline.sip.call;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import org.hotline.core.call.Call;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.flow.CallFlow;
import org.hotline.core.flow.TransferResult;
import org.hotline.sip.media.MediaEndpoint;
import org.hotline.sip.sdp.Negotiated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbound call as a B2BUA, and the hub of its parts: the {@link CallerLeg}, the flow's {@link
 * FlowHost}, the {@link QueueStay}, the {@link RingGroup} of phones ringing for it and the {@link
 * AgentSide} that owns them and the answered leg, {@link Hold}, the {@link MediaWatch}, transfers
 * from the flow ({@link FlowTransfer}) and from the desktop ({@link DeskControl}), re-INVITEs
 * ({@link Reinvite}) and its end ({@link CallEnding}). Its state moves only through {@link
 * CallStateMachine}; every change runs on the call's {@link SerialExecutor}.
 */
final class CallSession {
  private static final Logger log = LoggerFactory.getLogger(CallSession.class);

  private final CallServices services;

  /** The SIP Call-ID of the caller's leg: the first part's id. */
  private final String sipCallId;

  private final SerialExecutor exec;
  private final CallStateMachine states;
  private final CallFlow flow;
  private final CallerLeg caller;
  private final FlowHost host;
  private final QueueStay queue;
  private final RingGroup ringing;
  private final Hold hold;
  private final MediaWatch mediaWatch;
  private final FlowTransfer transfer;
  private final DeskControl desk;
  private final Reinvite reinvite;
  private final AgentSide agentSide;
  private final CallEnding ending;

  /**
   * The call's current part: a blind transfer from the desktop records one part and starts the
   * next.
   */
  private volatile Call call;

  private int parts = 1;
  private volatile String language = "en";

  /** While a transfer rings: how it ends. */
  private CompletableFuture<TransferResult> transferResult;

  CallSession(
      CallServices services,
      Call call,
      ServerTransaction inviteTx,
      CallFlow flow,
      String transport) {
    this.services = services;
    this.call = call;
    this.sipCallId = call.id();
    this.exec = new SerialExecutor(services.pool(), call.id());
    this.states = new CallStateMachine(services.metrics().refusedTransitions);
    this.flow = flow;
    this.caller = new CallerLeg(services.messages(), inviteTx, transport);
    this.host = new FlowHost(this);
    this.queue = new QueueStay(services, this);
    this.agentSide = new AgentSide(services, this);
    this.ringing = new RingGroup(services, agentSide);
    this.hold = new Hold(services, this);
    this.mediaWatch = new MediaWatch(services, this, hold);
    this.transfer = new FlowTransfer(services, this);
    this.desk = new DeskControl(services, this);
    this.reinvite = new Reinvite(services, this);
    this.ending = new CallEnding(services, this, host, mediaWatch);
  }

  // ---- the parts' view of the call: read and changed on the executor, unless said ----

  SerialExecutor executor() {
    return exec;
  }

  CallStateMachine states() {
    return states;
  }

  CallState state() {
    return states.state();
  }

  boolean isActive() {
    return states.isActive();
  }

  Call call() {
    return call;
  }

  /** The current part's id. */
  String id() {
    return call.id();
  }

  /** The SIP Call-ID of the caller's leg, under which the session is known for its whole life. */
  String sipCallId() {
    return sipCallId;
  }

  /** The prompt language the caller chose. */
  String language() {
    return language;
  }

  void language(String language) {
    this.language = language;
  }

  CallerLeg caller() {
    return caller;
  }

  MediaEndpoint callerMedia() {
    return caller.media();
  }

  /** The answered leg: the agent (or transfer target) the caller talks to; null when none. */
  AgentLeg agentLeg() {
    return agentSide.leg();
  }

  AgentSide agentSide() {
    return agentSide;
  }

  RingGroup ringing() {
    return ringing;
  }

  Hold hold() {
    return hold;
  }

  QueueStay queue() {
    return queue;
  }

  FlowTransfer transfer() {
    return transfer;
  }

  DeskControl desk() {
    return desk;
  }

  Reinvite reinvite() {
    return reinvite;
  }

  /** A transfer rings: {@code result} completes with how it ended. */
  void transferRinging(CompletableFuture<TransferResult> result) {
    transferResult = result;
  }

  /** How the transfer ringing now ends, or null when none rang. */
  CompletableFuture<TransferResult> transferResult() {
    return transferResult;
  }

  void startFlow(CallFlow next) {
    host.start(next);
  }

  // ---- the call's life ----

  /** Answers the INVITE with our SDP and starts the flow. */
  void answer(Negotiated offer, MediaEndpoint media, String answerSdp, String language) {
    exec.execute(
        () -> {
          this.language = language;
          try {
            caller.answer(offer, media, answerSdp, this);
            call.answered(services.clock().instant());
            services.metrics().setup.record(Duration.between(call.arrivedAt(), call.answeredAt()));
          } catch (Exception e) {
            log.warn("could not answer: {}", e.toString());
            end(CallOutcome.FAILED, "answer-failed", false);
            return;
          }
          states.fire(CallTrigger.ANSWERED);
          mediaWatch.start();
          host.start(flow);
        });
  }

  /**
   * The connected agent leaves the call (a desktop transfer): their phone gets BYE and the caller
   * goes on in a new part of the call, with the same caller and IVR path, starting {@code now}.
   *
   * @return the part that ended
   */
  Call agentLeaves(Instant now) {
    Call done = call;
    String agentId = agentSide.leave();
    services.calls().agentLeft(agentId, this);
    services.acd().agentCallEnded(agentId);
    hold.agentLeft();
    Call next =
        new Call(
            sipCallId + "#" + (++parts),
            done.callerNumber(),
            done.callerName(),
            done.dialedNumber(),
            now);
    next.answered(now);
    if (done.ivrChoice() != null) {
      next.chose(done.ivrChoice());
    }
    call = next;
    services.calls().partStarted(next.id(), this);
    return done;
  }

  // ---- requests in the caller's or agent's dialog ----

  /** A re-INVITE in the caller's dialog ({@code fromAgent} false) or the connected agent's. */
  void onReinvite(boolean fromAgent, RequestEvent event, ServerTransaction tx, String offer) {
    exec.execute(() -> reinvite.answer(fromAgent, event, tx, offer));
  }

  void onAck() {
    exec.execute(caller::acked);
  }

  /** A key the caller sent by SIP INFO: into the IVR's type-ahead, as an RFC 4733 event would. */
  void onInfoDigit(char key) {
    exec.execute(
        () -> {
          if (caller.media() != null && isActive()) {
            caller.media().receiveDigit(key);
          }
        });
  }

  /** How the call ends: from the caller's side, the server's, or any part's. */
  CallEnding ending() {
    return ending;
  }

  /** Ends the call, as {@link CallEnding#end} says. */
  void end(CallOutcome outcome, String cause, boolean callerLeft) {
    ending.end(outcome, cause, callerLeft);
  }
}
