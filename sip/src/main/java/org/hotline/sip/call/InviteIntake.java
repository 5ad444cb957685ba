package org.hotline.sip.call;

import gov.nist.javax.sip.message.SIPRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.config.IvrSettings;
import org.hotline.core.agent.Agent;
import org.hotline.core.call.Call;
import org.hotline.core.event.CallEvent;
import org.hotline.core.flow.CallFlow;
import org.hotline.core.flow.EntryPoints;
import org.hotline.sip.auth.DigestAuthenticator;
import org.hotline.sip.feature.FeatureCode;
import org.hotline.sip.feature.FeatureCodes;
import org.hotline.sip.media.MediaEndpoint;
import org.hotline.sip.sdp.Negotiated;
import org.hotline.sip.sdp.SdpException;
import org.hotline.sip.sdp.SdpNegotiator;
import org.hotline.sip.stack.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a new INVITE: refuses what cannot be a call (draining, oversized Call-ID, unknown number,
 * no usable SDP, no media port), checks an agent's feature code's credentials, and starts the
 * {@link CallSession} for the rest, registered in the {@link CallRegistry}.
 */
final class InviteIntake {
  private static final Logger log = LoggerFactory.getLogger(InviteIntake.class);

  /** Longest Call-ID taken as a call's id (it is the CDR's key). */
  static final int MAX_CALL_ID = 200;

  private final CallServices services;
  private final EntryPoints entryPoints;
  private final IvrSettings ivr;

  /** The feature codes agents may dial; null: codes are numbers like any other. */
  private final FeatureCodes featureCodes;

  InviteIntake(
      CallServices services, EntryPoints entryPoints, IvrSettings ivr, FeatureCodes featureCodes) {
    this.services = services;
    this.entryPoints = entryPoints;
    this.ivr = ivr;
    this.featureCodes = featureCodes;
  }

  void newCall(ServerTransaction tx, Request invite) {
    CallMetrics metrics = services.metrics();
    var sip = services.messages().sip();
    String callId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
    if (!services.calls().isAccepting()) {
      metrics.rejected503.increment();
      Transactions.respondQuietly(sip, tx, invite, Response.SERVICE_UNAVAILABLE);
      return;
    }
    if (callId.length() > MAX_CALL_ID) {
      metrics.rejected400.increment();
      log.info(
          "INVITE from {} with a Call-ID of {} characters: 400", source(invite), callId.length());
      Transactions.respondQuietly(sip, tx, invite, Response.BAD_REQUEST);
      return;
    }
    String dialed =
        invite.getRequestURI() instanceof SipURI uri && uri.getUser() != null ? uri.getUser() : "";
    Optional<FeatureCode> code =
        featureCodes == null ? Optional.empty() : featureCodes.match(dialed);
    Optional<CallFlow> flow;
    if (code.isPresent()) {
      flow = featureCodeFlow(tx, invite, code.get());
      if (flow.isEmpty()) {
        return; // challenged or refused
      }
    } else {
      flow = entryPoints.flowFor(dialed);
    }
    if (flow.isEmpty()) {
      metrics.rejected404.increment();
      log.info("INVITE {} from {} for unknown number '{}': 404", callId, source(invite), dialed);
      Transactions.respondQuietly(sip, tx, invite, Response.NOT_FOUND);
      return;
    }
    byte[] body = invite.getRawContent();
    if (body == null || body.length == 0) {
      metrics.rejected488.increment();
      log.info("INVITE {} without SDP offer: 488", callId);
      Transactions.respondQuietly(sip, tx, invite, Response.NOT_ACCEPTABLE_HERE);
      return;
    }
    MediaEndpoint endpoint;
    try {
      endpoint = services.media().allocate();
    } catch (Exception e) {
      metrics.rejected503.increment();
      log.warn("INVITE {}: no media port: {}", callId, e.getMessage());
      Transactions.respondQuietly(sip, tx, invite, Response.SERVICE_UNAVAILABLE);
      return;
    }
    Negotiated offer;
    try {
      offer =
          SdpNegotiator.answer(
              new String(body, StandardCharsets.US_ASCII),
              sip.advertisedHost(),
              endpoint.localPort());
    } catch (SdpException e) {
      endpoint.close();
      metrics.rejected488.increment();
      log.info("INVITE {} from {}: {}: 488", callId, source(invite), e.getMessage());
      Transactions.respondQuietly(sip, tx, invite, Response.NOT_ACCEPTABLE_HERE);
      return;
    }
    FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
    String callerNumber =
        from.getAddress().getURI() instanceof SipURI u && u.getUser() != null ? u.getUser() : "";
    String callerName = from.getAddress().getDisplayName();
    Call call = new Call(callId, callerNumber, callerName, dialed, services.clock().instant());
    String transport = ((ViaHeader) invite.getHeader(ViaHeader.NAME)).getTransport();
    CallSession session = new CallSession(services, call, tx, flow.get(), transport);
    services.calls().added(session, ((SIPRequest) invite).getPeerPacketSourceAddress());
    services.bus().publish(new CallEvent.Arrived(callId, callerNumber, dialed, call.arrivedAt()));
    log.info("call {} from '{}' to {} -> flow {}", callId, callerNumber, dialed, flow.get().name());
    session.answer(offer, endpoint, offer.sdp(), ivr.language());
  }

  /**
   * The flow of an agent's feature code call, once the INVITE proves with digest credentials which
   * agent dials; otherwise the 401 challenge or a 403 is sent and the result is empty.
   */
  private Optional<CallFlow> featureCodeFlow(
      ServerTransaction tx, Request invite, FeatureCode code) {
    var sip = services.messages().sip();
    DigestAuthenticator.Result result;
    try {
      result = featureCodes.authenticator().check(invite, null);
    } catch (java.text.ParseException e) {
      Transactions.respondQuietly(sip, tx, invite, Response.SERVER_INTERNAL_ERROR);
      return Optional.empty();
    }
    switch (result) {
      case DigestAuthenticator.Challenge(Response challenge) -> {
        try {
          Transactions.respond(tx, challenge);
        } catch (Exception e) {
          log.debug("could not challenge {}: {}", code.code(), e.toString());
        }
        return Optional.empty();
      }
      case DigestAuthenticator.Refused refused -> {
        services.metrics().featureCodesRefused.increment();
        log.info("feature code {} from {} refused: bad credentials", code.code(), source(invite));
        Transactions.respondQuietly(sip, tx, invite, Response.FORBIDDEN);
        return Optional.empty();
      }
      case DigestAuthenticator.Authenticated(String user) -> {
        Optional<Agent> agent = featureCodes.agent(user);
        if (agent.isEmpty()) {
          services.metrics().featureCodesRefused.increment();
          log.info("feature code {} from SIP user {}, who is no agent: 403", code.code(), user);
          Transactions.respondQuietly(sip, tx, invite, Response.FORBIDDEN);
          return Optional.empty();
        }
        services.metrics().featureCodes.increment();
        return Optional.of(featureCodes.flow(code, agent.get().id(), ivr.language()));
      }
    }
  }

  static String source(Request request) {
    SIPRequest nist = (SIPRequest) request;
    return nist.getRemoteAddress() == null
        ? "?"
        : nist.getRemoteAddress().getHostAddress() + ":" + nist.getRemotePort();
  }
}
