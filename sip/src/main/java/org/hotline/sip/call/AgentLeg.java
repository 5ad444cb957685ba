package org.hotline.sip.call;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.core.acd.OfferResult;
import org.hotline.core.agent.Agent;
import org.hotline.sip.media.MediaEndpoint;
import org.hotline.sip.sdp.Negotiated;
import org.hotline.sip.sdp.SdpException;
import org.hotline.sip.sdp.SdpNegotiator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The B2BUA's outbound leg to one agent's phone (or, for a transfer, a number at the trunk): INVITE
 * with the caller's identity, ring timeout, CANCEL, ACK of the answer, BYE. Runs on its owner's
 * executor.
 */
final class AgentLeg {
  private static final Logger log = LoggerFactory.getLogger(AgentLeg.class);

  private enum State {
    CALLING,
    RINGING,
    CANCELLING,
    ANSWERED,
    ENDED
  }

  private final CallServices services;
  private final LegOwner owner;
  private final Agent agent;
  private final String target;
  private final String transport;
  private final CompletableFuture<OfferResult> result;
  private final Duration ringTimeout;
  private State state = State.CALLING;
  private MediaEndpoint media;
  private ClientTransaction inviteTx;
  private Dialog dialog;
  private CallTimers.Timer ringTimer;

  /**
   * @param target the request URI to ring (the agent's registered contact, or a number at the
   *     trunk)
   * @param transport {@code udp} or {@code tcp}
   * @param ringTimeout how long the phone rings before the leg gives up
   */
  AgentLeg(
      CallServices services,
      LegOwner owner,
      Agent agent,
      String target,
      String transport,
      CompletableFuture<OfferResult> result,
      Duration ringTimeout) {
    this.services = services;
    this.owner = owner;
    this.agent = agent;
    this.target = target;
    this.transport = transport;
    this.result = result;
    this.ringTimeout = ringTimeout;
  }

  Agent agent() {
    return agent;
  }

  LegOwner owner() {
    return owner;
  }

  MediaEndpoint media() {
    return media;
  }

  /** Sends the INVITE and starts the ring timer. */
  void dial(String callerNumber, String callerName, MediaEndpoint callerMedia) {
    try {
      media = services.media().allocateBeside(callerMedia);
      long sessionId = services.clock().millis();
      String sdp =
          SdpNegotiator.offer(
              services.messages().sip().advertisedHost(),
              media.localPort(),
              callerMedia.codec(),
              sessionId);
      Request invite =
          services
              .messages()
              .inviteAgent(target, agent.sipUser(), callerNumber, callerName, transport, sdp);
      inviteTx = services.messages().sip().provider().getNewClientTransaction(invite);
      inviteTx.setApplicationData(this);
      dialog = inviteTx.getDialog();
      dialog.setApplicationData(this);
      inviteTx.sendRequest();
      services.metrics().agentOffers.increment();
      ringTimer =
          services.timers().after(ringTimeout, () -> owner.executor().execute(this::ringTimeout));
      log.info("ringing agent {} at {}", agent.id(), target);
    } catch (Exception e) {
      log.warn("could not ring agent {}: {}", agent.id(), e.toString());
      fail();
    }
  }

  /** A response to our INVITE. */
  void onResponse(ResponseEvent event) {
    Response r = event.getResponse();
    int status = r.getStatusCode();
    if (status < 200) {
      if (state == State.CALLING) {
        state = State.RINGING;
      } else if (state == State.CANCELLING) {
        sendCancel();
      }
      return;
    }
    if (status < 300) {
      answered(event);
      return;
    }
    if (state == State.CALLING || state == State.RINGING) {
      log.info("agent {} did not take the call: {} {}", agent.id(), status, r.getReasonPhrase());
      fail();
    } else {
      finish();
    }
  }

  private void answered(ResponseEvent event) {
    Response ok = event.getResponse();
    Dialog d = event.getDialog() != null ? event.getDialog() : dialog;
    try {
      services.messages().ack(d, ok);
    } catch (Exception e) {
      log.warn("could not ACK agent {}: {}", agent.id(), e.toString());
    }
    if (state == State.ANSWERED) {
      return; // a retransmitted 2xx
    }
    dialog = d;
    if (state != State.CALLING && state != State.RINGING) {
      // Answered after we gave up: hang up at once.
      state = State.ANSWERED;
      hangup();
      return;
    }
    cancelTimer();
    try {
      Negotiated answer =
          SdpNegotiator.readAnswer(new String(ok.getRawContent(), StandardCharsets.US_ASCII));
      media.connect(answer.remote(), answer.codec(), answer.telephoneEventPt());
    } catch (SdpException | RuntimeException e) {
      log.warn("agent {} answered with unusable SDP: {}", agent.id(), e.getMessage());
      result.complete(OfferResult.NOT_ANSWERED);
      state = State.ANSWERED;
      hangup();
      owner.legFailed(this);
      return;
    }
    state = State.ANSWERED;
    result.complete(OfferResult.ANSWERED);
    owner.legAnswered(this);
  }

  /** The INVITE transaction timed out: the phone is unreachable. */
  void onTimeout() {
    if (state == State.CALLING || state == State.RINGING) {
      log.info("agent {} phone did not respond", agent.id());
      fail();
    } else if (state == State.CANCELLING) {
      finish();
    }
  }

  private void ringTimeout() {
    if (state == State.CALLING || state == State.RINGING) {
      log.info("agent {} did not answer within {}", agent.id(), ringTimeout);
      services.metrics().agentNoAnswer.increment();
      State was = state;
      state = State.CANCELLING;
      if (was == State.RINGING) {
        sendCancel();
      }
      release(OfferResult.NOT_ANSWERED);
      owner.legFailed(this);
    }
  }

  /** Ends this leg whatever its state: CANCEL while ringing, BYE once answered. */
  void hangup() {
    switch (state) {
      case CALLING -> {
        state = State.CANCELLING; // CANCEL once a provisional response arrives
        release(OfferResult.CALL_GONE);
      }
      case RINGING -> {
        state = State.CANCELLING;
        sendCancel();
        release(OfferResult.CALL_GONE);
      }
      case ANSWERED -> {
        state = State.ENDED;
        try {
          services.messages().bye(dialog);
        } catch (Exception e) {
          log.debug("BYE to agent {} failed: {}", agent.id(), e.toString());
        }
        release(OfferResult.CALL_GONE);
      }
      default -> release(OfferResult.CALL_GONE);
    }
  }

  /**
   * Another phone rung for the same call at the same time (ring-all) answered: this one stops
   * ringing, and the ACD frees its agent without counting a missed call.
   */
  void answeredElsewhere() {
    if (state == State.CALLING || state == State.RINGING) {
      State was = state;
      state = State.CANCELLING;
      if (was == State.RINGING) {
        sendCancel();
      }
      release(OfferResult.ANSWERED_ELSEWHERE);
    } else {
      hangup();
    }
  }

  /** The agent sent BYE. */
  void byeReceived() {
    state = State.ENDED;
    release(OfferResult.CALL_GONE);
  }

  private void fail() {
    state = State.ENDED;
    release(OfferResult.NOT_ANSWERED);
    owner.legFailed(this);
  }

  private void finish() {
    state = State.ENDED;
    release(OfferResult.CALL_GONE);
  }

  private void release(OfferResult outcome) {
    cancelTimer();
    result.complete(outcome);
    if (media != null && state != State.ANSWERED) {
      media.close();
    }
  }

  private void sendCancel() {
    try {
      services.messages().cancel(inviteTx);
    } catch (Exception e) {
      log.debug("CANCEL to agent {} failed: {}", agent.id(), e.toString());
    }
  }

  private void cancelTimer() {
    if (ringTimer != null) {
      ringTimer.cancel();
    }
  }
}
