package org.hotline.sip.call;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Response;
import org.hotline.sip.media.MediaEndpoint;
import org.hotline.sip.sdp.Negotiated;
import org.hotline.sip.sdp.SdpException;
import org.hotline.sip.sdp.SdpNegotiator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a re-INVITE from the caller or the connected agent: new address or codec, or hold. A
 * party whose SDP says it no longer receives ({@code sendonly}, {@code inactive}, or 0.0.0.0) holds
 * the call ({@link Hold}). Runs on the call's executor.
 */
final class Reinvite {
  private static final Logger log = LoggerFactory.getLogger(Reinvite.class);

  private final CallServices services;
  private final CallSession session;

  Reinvite(CallServices services, CallSession session) {
    this.services = services;
    this.session = session;
  }

  /**
   * @param fromAgent whether it came in the agent's dialog
   * @param offer the SDP offer, or empty for an offerless re-INVITE (we offer in the 200)
   */
  void answer(boolean fromAgent, RequestEvent event, ServerTransaction tx, String offer) {
    CallerLeg caller = session.caller();
    boolean connected = session.state() == CallState.CONNECTED;
    MediaEndpoint own =
        fromAgent
            ? (session.agentLeg() == null ? null : session.agentLeg().media())
            : caller.media();
    if (own == null || !session.isActive() || (fromAgent && !connected)) {
      caller.respond(tx, event.getRequest(), Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
      return;
    }
    String host = services.messages().sip().advertisedHost();
    if (offer.isBlank()) {
      caller.answerReinvite(
          tx,
          event.getRequest(),
          SdpNegotiator.offer(host, own.localPort(), own.codec(), services.clock().millis()));
      return;
    }
    Negotiated n;
    try {
      n = SdpNegotiator.answer(offer, host, own.localPort());
    } catch (SdpException e) {
      log.info(
          "re-INVITE from the {} with unusable SDP: {}: 488",
          fromAgent ? "agent" : "caller",
          e.getMessage());
      caller.respond(tx, event.getRequest(), Response.NOT_ACCEPTABLE_HERE);
      return;
    }
    own.connect(n.remote(), n.codec(), n.telephoneEventPt());
    boolean sends = n.direction().equals("sendrecv") || n.direction().equals("sendonly");
    session.hold().sdpFrom(fromAgent, sends, !n.peerReceives(), own, connected);
    caller.answerReinvite(tx, event.getRequest(), n.sdp());
  }
}
