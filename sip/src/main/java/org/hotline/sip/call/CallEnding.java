package org.hotline.sip.call;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Response;
import org.hotline.core.call.Call;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.flow.TransferResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an inbound call ends, in one place: the caller leaves (BYE, CANCEL, a lost dialog), the
 * server ends it (shutdown), or one of its parts does (the flow hangs up, a dead peer, the agent).
 * Either way both legs end, media is released, the ACD is told, and the CDR is recorded once
 * ({@link CallRecord}); the session is finished when the CDR is committed.
 */
final class CallEnding {
  private static final Logger log = LoggerFactory.getLogger(CallEnding.class);

  private final CallServices services;
  private final CallSession session;
  private final FlowHost host;
  private final MediaWatch mediaWatch;

  CallEnding(CallServices services, CallSession session, FlowHost host, MediaWatch mediaWatch) {
    this.services = services;
    this.session = session;
    this.host = host;
    this.mediaWatch = mediaWatch;
  }

  /** The caller's BYE: answered 200, then the call ends. */
  void onCallerBye(RequestEvent event, ServerTransaction tx) {
    session
        .executor()
        .execute(
            () -> {
              session.caller().respond(tx, event.getRequest(), Response.OK);
              end(outcomeIfCallerLeaves(), "caller-bye", true);
            });
  }

  /** CANCEL of the initial INVITE (before our 200 OK went out). */
  void onCallerCancel() {
    session
        .executor()
        .execute(
            () -> {
              if (session.caller().cancelled()) {
                end(outcomeIfCallerLeaves(), "caller-cancel", true);
              }
            });
  }

  /** The caller's dialog timed out (no ACK) or its transport failed. */
  void onCallerLost(String cause) {
    session.executor().execute(() -> end(outcomeIfCallerLeaves(), cause, true));
  }

  /** What the call counts as when the caller leaves now. */
  CallOutcome outcomeIfCallerLeaves() {
    return switch (session.state()) {
      case CONNECTED -> CallOutcome.ANSWERED;
      case QUEUED, OFFERING -> CallOutcome.ABANDONED;
      default -> CallOutcome.IVR_HANGUP;
    };
  }

  /** Ends the call from the server side (shutdown). */
  void terminate(String cause) {
    session
        .executor()
        .execute(
            () ->
                end(
                    session.state() == CallState.CONNECTED
                        ? CallOutcome.ANSWERED
                        : CallOutcome.FAILED,
                    cause,
                    false));
  }

  /**
   * Ends both legs, releases media, tells the ACD, and records the CDR. Runs on the call's
   * executor; a call already ending is left alone.
   *
   * @param callerLeft the caller's side is already gone (no BYE to send them)
   */
  void end(CallOutcome outcome, String cause, boolean callerLeft) {
    CallState was = session.state();
    if (!was.isActive()) {
      return;
    }
    session.states().fire(CallTrigger.ENDED);
    Call call = session.call();
    call.ended(services.clock().instant(), outcome, cause);
    log.info("call ended: {} ({}) after {}", outcome.code(), cause, was);
    if (!callerLeft) {
      session.caller().hangUp();
    }
    session.ringing().hangUpAll();
    AgentLeg agentLeg = session.agentLeg();
    if (agentLeg != null) {
      agentLeg.hangup();
      if (was == CallState.CONNECTED) {
        services.calls().agentLeft(agentLeg.agent().id(), session);
        services.acd().agentCallEnded(agentLeg.agent().id());
      }
    }
    if (was == CallState.QUEUED) {
      services.acd().abandon(call.id());
    }
    host.stop();
    session.queue().ended();
    if (session.transferResult() != null) {
      session.transferResult().complete(TransferResult.UNREACHABLE);
    }
    mediaWatch.stop();
    session.caller().closeMedia();
    CallRecord.close(
        services,
        session.executor(),
        call,
        outcome,
        () -> session.states().fire(CallTrigger.RECORDED),
        () -> services.calls().finished(session));
  }
}
