package org.hotline.core.acd;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Records what the ACD asks of the signalling layer; the test completes each offer. A callback is
 * recorded among the offers as a call {@code callback-<id>} to the customer's number.
 */
final class RecordingConnector implements AgentConnector {
  final List<Offer> offers = new ArrayList<>();
  final List<CompletableFuture<OfferResult>> results = new ArrayList<>();
  final List<CallbackOffer> callbacks = new ArrayList<>();
  final List<String> givenBack = new ArrayList<>();
  final List<String> overflowed = new ArrayList<>();

  @Override
  public synchronized CompletionStage<OfferResult> offer(Offer offer) {
    offers.add(offer);
    CompletableFuture<OfferResult> r = new CompletableFuture<>();
    results.add(r);
    return r;
  }

  @Override
  public synchronized void giveBack(String callId, QueueExit why) {
    givenBack.add(callId + ":" + why.code());
  }

  @Override
  public synchronized void overflowed(String callId, String from, String to) {
    overflowed.add(callId + ":" + from + ">" + to);
  }

  @Override
  public synchronized CompletionStage<OfferResult> callBack(CallbackOffer offer) {
    callbacks.add(offer);
    var r = offer.request();
    return offer(
        new Offer(
            new QueuedCall("callback-" + r.id(), r.queue(), r.priority(), r.number()),
            offer.agent(),
            offer.ringTimeout()));
  }

  synchronized List<String> agentsOffered() {
    return offers.stream().map(o -> o.agent().id()).toList();
  }

  synchronized List<String> callsOffered() {
    return offers.stream().map(o -> o.call().callId()).toList();
  }

  /** "call>agent" per offer, in order. */
  synchronized List<String> offered() {
    return offers.stream().map(o -> o.call().callId() + ">" + o.agent().id()).toList();
  }

  synchronized List<String> givenBack() {
    return List.copyOf(givenBack);
  }

  /** "call:from>to" per move to an overflow queue, in order. */
  synchronized List<String> overflowed() {
    return List.copyOf(overflowed);
  }

  synchronized void answer(int i, OfferResult result) {
    results.get(i).complete(result);
  }

  /** Completes the latest offer made to {@code agentId}. */
  synchronized void answer(String agentId, OfferResult result) {
    for (int i = offers.size() - 1; i >= 0; i--) {
      if (offers.get(i).agent().id().equals(agentId)) {
        results.get(i).complete(result);
        return;
      }
    }
    throw new AssertionError("no offer to " + agentId);
  }
}
