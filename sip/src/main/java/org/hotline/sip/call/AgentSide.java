package org.hotline.sip.call;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Response;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.event.CallEvent;
import org.hotline.core.flow.TransferResult;

/**
 * The agent's side of an inbound call: owns the phones that ring for it (offers and transfers, as
 * their {@link LegOwner}) and the one that answered. An answer bridges the caller to that leg and
 * stops the others; the last leg to fail sends the call back to its queue or transfer; the answered
 * agent's BYE ends the call. Runs on the call's executor.
 */
final class AgentSide implements LegOwner {
  private final CallServices services;
  private final CallSession session;
  private AgentLeg leg;

  AgentSide(CallServices services, CallSession session) {
    this.services = services;
    this.session = session;
  }

  @Override
  public SerialExecutor executor() {
    return session.executor();
  }

  /** The answered leg, or null when no one answered (or the agent left). */
  AgentLeg leg() {
    return leg;
  }

  /**
   * The connected agent leaves (a desktop transfer): their phone gets BYE.
   *
   * @return the agent's id
   */
  String leave() {
    String agentId = leg.agent().id();
    leg.hangup();
    leg = null;
    return agentId;
  }

  /** The agent (or transfer target) answered: bridge the two legs; other ringing phones stop. */
  @Override
  public void legAnswered(AgentLeg answered) {
    RingGroup ringing = session.ringing();
    if (!ringing.stopped(answered) || !session.states().accepts(CallTrigger.AGENT_ANSWERED)) {
      answered.hangup();
      return;
    }
    ringing.answeredElsewhere();
    leg = answered;
    boolean transferred = session.state() == CallState.TRANSFERRING;
    session.states().fire(CallTrigger.AGENT_ANSWERED);
    String agentId = answered.agent().id();
    services.calls().agentConnected(agentId, session);
    session.call().connected(agentId, services.clock().instant());
    session.callerMedia().bridge(answered.media());
    if (transferred) {
      session.transferResult().complete(TransferResult.CONNECTED);
    } else {
      session.queue().agentAnswered();
    }
    services
        .bus()
        .publish(
            new CallEvent.Connected(session.call().id(), agentId, session.call().connectedAt()));
  }

  @Override
  public void legFailed(AgentLeg failed) {
    RingGroup ringing = session.ringing();
    if (!ringing.stopped(failed) || !ringing.isEmpty()) {
      return; // not ours, or other phones still ring for this call
    }
    boolean transferring = session.state() == CallState.TRANSFERRING;
    if (!session.states().accepts(CallTrigger.RINGING_FAILED)) {
      return;
    }
    // Offered: back to waiting, the ACD offers the call again.
    session.states().fire(CallTrigger.RINGING_FAILED);
    if (transferring) {
      session.callerMedia().stopPlayback();
      session
          .callerMedia()
          .clearDigits(); // what the caller pressed while it rang is not for the next menu
      session.transferResult().complete(TransferResult.NO_ANSWER);
    }
  }

  @Override
  public void legBye(AgentLeg from, RequestEvent event, ServerTransaction tx) {
    session.caller().respond(tx, event.getRequest(), Response.OK);
    from.byeReceived();
    if (from == leg && session.state() == CallState.CONNECTED) {
      session.end(CallOutcome.ANSWERED, "agent-bye", false);
    }
  }

  @Override
  public void legReinvite(AgentLeg from, RequestEvent event, ServerTransaction tx, String offer) {
    session.reinvite().answer(true, event, tx, offer);
  }
}
