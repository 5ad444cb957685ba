package org.hotline.sip.call;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Response;
import org.hotline.core.call.Call;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.event.CallEvent;
import org.hotline.core.flow.CallFlow;
import org.hotline.core.flow.TransferResult;
import org.hotline.sip.media.MediaEndpoint;
import org.hotline.sip.sdp.Negotiated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbound call as a B2BUA, and the hub of its parts: the {@link CallerLeg}, the flow's
 * {@link FlowHost}, the {@link QueueStay}, the {@link RingGroup} of phones ringing for it, the
 * connected agent's leg, {@link Hold}, the {@link MediaWatch}, transfers from the flow ({@link
 * FlowTransfer}) and from the desktop ({@link DeskControl}), and re-INVITEs ({@link Reinvite}). Its state moves only through
 * {@link CallStateMachine}; every change runs on the call's {@link SerialExecutor}.
 */
final class CallSession implements LegOwner {
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
  /** The call's current part: a blind transfer from the desktop records one part and starts the next. */
  private volatile Call call;
  private int parts = 1;
  private volatile String language = "en";
  /** The answered leg: the agent (or transfer target) the caller talks to. */
  private AgentLeg agentLeg;
  /** While a transfer rings: how it ends. */
  private CompletableFuture<TransferResult> transferResult;

  CallSession(CallServices services, Call call, ServerTransaction inviteTx, CallFlow flow, String transport) {
    this.services = services;
    this.call = call;
    this.sipCallId = call.id();
    this.exec = new SerialExecutor(services.pool(), call.id());
    this.states = new CallStateMachine(services.metrics().refusedTransitions);
    this.flow = flow;
    this.caller = new CallerLeg(services.messages(), inviteTx, transport);
    this.host = new FlowHost(this);
    this.queue = new QueueStay(services, this);
    this.ringing = new RingGroup(services, this);
    this.hold = new Hold(services, this);
    this.mediaWatch = new MediaWatch(services, this, hold);
    this.transfer = new FlowTransfer(services, this);
    this.desk = new DeskControl(services, this);
    this.reinvite = new Reinvite(services, this);
  }

  // ---- the parts' view of the call: read and changed on the executor, unless said ----

  @Override
  public SerialExecutor executor() { return exec; }
  CallStateMachine states() { return states; }
  CallState state() { return states.state(); }
  boolean isActive() { return states.isActive(); }
  Call call() { return call; }
  /** The current part's id. */
  String id() { return call.id(); }
  /** The SIP Call-ID of the caller's leg, under which the session is known for its whole life. */
  String sipCallId() { return sipCallId; }
  /** The prompt language the caller chose. */
  String language() { return language; }
  void language(String language) { this.language = language; }
  CallerLeg caller() { return caller; }
  MediaEndpoint callerMedia() { return caller.media(); }
  AgentLeg agentLeg() { return agentLeg; }
  RingGroup ringing() { return ringing; }
  Hold hold() { return hold; }
  QueueStay queue() { return queue; }
  FlowTransfer transfer() { return transfer; }
  DeskControl desk() { return desk; }

  /** A transfer rings: {@code result} completes with how it ended. */
  void transferRinging(CompletableFuture<TransferResult> result) {
    transferResult = result;
  }

  void startFlow(CallFlow next) {
    host.start(next);
  }

  // ---- the call's life ----

  /** Answers the INVITE with our SDP and starts the flow. */
  void answer(Negotiated offer, MediaEndpoint media, String answerSdp, String language) {
    exec.execute(() -> {
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

  /** The agent (or transfer target) answered: bridge the two legs; other ringing phones stop. */
  @Override
  public void legAnswered(AgentLeg leg) {
    if (!ringing.stopped(leg) || !states.accepts(CallTrigger.AGENT_ANSWERED)) {
      leg.hangup();
      return;
    }
    ringing.answeredElsewhere();
    agentLeg = leg;
    boolean transferred = state() == CallState.TRANSFERRING;
    states.fire(CallTrigger.AGENT_ANSWERED);
    services.calls().agentConnected(leg.agent().id(), this);
    call.connected(leg.agent().id(), services.clock().instant());
    caller.media().bridge(leg.media());
    if (transferred) {
      transferResult.complete(TransferResult.CONNECTED);
    } else {
      queue.agentAnswered();
    }
    services.bus().publish(new CallEvent.Connected(call.id(), leg.agent().id(), call.connectedAt()));
  }

  @Override
  public void legFailed(AgentLeg leg) {
    if (!ringing.stopped(leg) || !ringing.isEmpty()) {
      return; // not ours, or other phones still ring for this call
    }
    boolean transferring = state() == CallState.TRANSFERRING;
    if (!states.accepts(CallTrigger.RINGING_FAILED)) {
      return;
    }
    states.fire(CallTrigger.RINGING_FAILED); // offered: back to waiting, the ACD offers the call again
    if (transferring) {
      caller.media().stopPlayback();
      caller.media().clearDigits(); // what the caller pressed while it rang is not for the next menu
      transferResult.complete(TransferResult.NO_ANSWER);
    }
  }

  @Override
  public void legBye(AgentLeg leg, RequestEvent event, ServerTransaction tx) {
    caller.respond(tx, event.getRequest(), Response.OK);
    leg.byeReceived();
    if (leg == agentLeg && state() == CallState.CONNECTED) {
      end(CallOutcome.ANSWERED, "agent-bye", false);
    }
  }

  @Override
  public void legReinvite(AgentLeg leg, RequestEvent event, ServerTransaction tx, String offer) {
    reinvite.answer(true, event, tx, offer);
  }

  /**
   * The connected agent leaves the call (a desktop transfer): their phone gets BYE and the caller
   * goes on in a new part of the call, with the same caller and IVR path, starting {@code now}.
   *
   * @return the part that ended
   */
  Call agentLeaves(Instant now) {
    Call done = call;
    String agentId = agentLeg.agent().id();
    agentLeg.hangup();
    services.calls().agentLeft(agentId, this);
    services.acd().agentCallEnded(agentId);
    agentLeg = null;
    hold.agentLeft();
    Call next = new Call(sipCallId + "#" + (++parts), done.callerNumber(), done.callerName(), done.dialedNumber(), now);
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
    exec.execute(() -> {
      if (caller.media() != null && isActive()) {
        caller.media().receiveDigit(key);
      }
    });
  }

  void onCallerBye(RequestEvent event, ServerTransaction tx) {
    exec.execute(() -> {
      caller.respond(tx, event.getRequest(), Response.OK);
      end(outcomeIfCallerLeaves(), "caller-bye", true);
    });
  }

  /** CANCEL of the initial INVITE (before our 200 OK went out). */
  void onCallerCancel() {
    exec.execute(() -> {
      if (caller.cancelled()) {
        end(outcomeIfCallerLeaves(), "caller-cancel", true);
      }
    });
  }

  /** The caller's dialog timed out (no ACK) or its transport failed. */
  void onCallerLost(String cause) {
    exec.execute(() -> end(outcomeIfCallerLeaves(), cause, true));
  }

  CallOutcome outcomeIfCallerLeaves() {
    return switch (state()) {
      case CONNECTED -> CallOutcome.ANSWERED;
      case QUEUED, OFFERING -> CallOutcome.ABANDONED;
      default -> CallOutcome.IVR_HANGUP;
    };
  }

  /** Ends the call from the server side (shutdown). */
  void terminate(String cause) {
    exec.execute(() -> end(state() == CallState.CONNECTED ? CallOutcome.ANSWERED : CallOutcome.FAILED, cause, false));
  }

  /**
   * Ends both legs, releases media, tells the ACD, and records the CDR; the session is finished
   * once the CDR is committed. Runs on the executor; a call already ending is left alone.
   *
   * @param callerLeft the caller's side is already gone (no BYE to send them)
   */
  void end(CallOutcome outcome, String cause, boolean callerLeft) {
    CallState was = state();
    if (!was.isActive()) {
      return;
    }
    states.fire(CallTrigger.ENDED);
    call.ended(services.clock().instant(), outcome, cause);
    log.info("call ended: {} ({}) after {}", outcome.code(), cause, was);
    if (!callerLeft) {
      caller.hangUp();
    }
    ringing.hangUpAll();
    if (agentLeg != null) {
      agentLeg.hangup();
      if (was == CallState.CONNECTED) {
        services.calls().agentLeft(agentLeg.agent().id(), this);
        services.acd().agentCallEnded(agentLeg.agent().id());
      }
    }
    if (was == CallState.QUEUED) {
      services.acd().abandon(call.id());
    }
    host.stop();
    queue.ended();
    if (transferResult != null) {
      transferResult.complete(TransferResult.UNREACHABLE);
    }
    mediaWatch.stop();
    caller.closeMedia();
    CallRecord.close(services, exec, call, outcome, () -> states.fire(CallTrigger.RECORDED), () -> services.calls().finished(this));
  }
}
