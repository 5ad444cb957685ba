package org.hotline.sip.call;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.hotline.core.acd.AgentConnector;
import org.hotline.core.acd.CallbackOffer;
import org.hotline.core.acd.Offer;
import org.hotline.core.acd.OfferResult;
import org.hotline.core.acd.QueueExit;

/**
 * What the ACD asks of the call layer: ring an agent for a waiting call, give a call back to its
 * flow, move it to an overflow queue, serve a callback. Each call is found in the {@link
 * CallRegistry} by the id the ACD knows; the work is handed to the call's executor at once, so the
 * ACD's thread never waits.
 */
final class AcdConnector implements AgentConnector {
  private final CallRegistry calls;
  private final Function<CallbackOffer, CompletionStage<OfferResult>> callBacks;

  /**
   * @param callBacks places a callback's calls (see {@link OutboundCalls#callBack})
   */
  AcdConnector(
      CallRegistry calls, Function<CallbackOffer, CompletionStage<OfferResult>> callBacks) {
    this.calls = calls;
    this.callBacks = callBacks;
  }

  @Override
  public CompletionStage<OfferResult> offer(Offer offer) {
    return calls
        .byCallId(offer.call().callId())
        .map(session -> (CompletionStage<OfferResult>) session.queue().offer(offer))
        .orElseGet(() -> CompletableFuture.completedFuture(OfferResult.CALL_GONE));
  }

  @Override
  public void giveBack(String callId, QueueExit why) {
    calls.byCallId(callId).ifPresent(session -> session.queue().givenBack(why));
  }

  @Override
  public void overflowed(String callId, String from, String to) {
    calls.byCallId(callId).ifPresent(session -> session.queue().overflowed(to));
  }

  @Override
  public CompletionStage<OfferResult> callBack(CallbackOffer offer) {
    return callBacks.apply(offer);
  }
}
