package org.hotline.sip.call;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.hotline.core.acd.Acd;
import org.hotline.core.acd.CallbackOffer;
import org.hotline.core.acd.OfferResult;
import org.hotline.core.agent.Agent;
import org.hotline.core.call.ControlResult;
import org.hotline.core.dial.DialSite;
import org.hotline.sip.trunk.TrunkRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places the calls made for an agent ({@link OutboundSession}): the ACD's callbacks and the
 * desktop's click-to-call. Each number is checked by the dial policy first.
 */
final class OutboundCalls {
  private static final Logger log = LoggerFactory.getLogger(OutboundCalls.class);

  private final CallServices services;

  OutboundCalls(CallServices services) {
    this.services = services;
  }

  /**
   * Serves a callback whose turn came (see {@link org.hotline.core.acd.AgentConnector#callBack}).
   */
  CompletionStage<OfferResult> callBack(CallbackOffer offer) {
    CompletableFuture<OfferResult> result = new CompletableFuture<>();
    if (!services.calls().isAccepting()) {
      result.complete(OfferResult.NOT_ANSWERED);
      return result;
    }
    String who = "callback " + offer.request().id();
    TrunkRoute route = services.trunk().route(DialSite.CALLBACK, who, offer.request().number());
    if (!(route instanceof TrunkRoute.Dial(String uri))) {
      // The customer cannot be reached this way: the request fails (after its attempts) and the
      // agent's phone never rings. A refusal is logged by the dial policy's guard.
      if (route instanceof TrunkRoute.NoTrunk) {
        log.info("{}: no trunk to call the customer through", who);
      }
      result.complete(OfferResult.CALL_GONE);
      return result;
    }
    start(OutboundSession.Outbound.callback(offer, uri), result);
    return result;
  }

  /**
   * Click-to-call for {@code agent}, whom the ACD has reserved: the ACD hears how it went (on the
   * call, or free again).
   *
   * @param uri the number at the trunk, allowed by the dial policy
   * @return the new call's id
   */
  ControlResult dial(Agent agent, String number, String uri) {
    Acd acd = services.acd();
    CompletableFuture<OfferResult> result = new CompletableFuture<>();
    OutboundSession session =
        start(OutboundSession.Outbound.dial(agent, number, uri, services.ringTimeout()), result);
    String callId = session.call().id();
    result.thenAccept(
        r -> {
          if (r == OfferResult.ANSWERED) {
            acd.directConnected(agent.id(), null, callId);
          } else {
            acd.release(
                agent.id(),
                r == OfferResult.NOT_ANSWERED ? "dial-not-answered" : "number-not-reached");
          }
        });
    return ControlResult.done(callId);
  }

  private OutboundSession start(
      OutboundSession.Outbound what, CompletableFuture<OfferResult> result) {
    OutboundSession session = new OutboundSession(services, what, result);
    services.calls().added(session);
    session.start();
    return session;
  }
}
