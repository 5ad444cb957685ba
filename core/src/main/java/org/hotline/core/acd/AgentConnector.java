package org.hotline.core.acd;

import java.util.concurrent.CompletionStage;

/**
 * What the ACD asks of the signalling layer. Every method is called on the ACD's thread and must
 * return at once; stages complete (on any thread) when the outcome is known.
 */
public interface AgentConnector {

  /**
   * Rings {@code offer.agent()} for a waiting call. The stage completes {@link
   * OfferResult#ANSWERED} when the agent answered and the call is connected, {@link
   * OfferResult#NOT_ANSWERED} when they did not take it, {@link OfferResult#CALL_GONE} when the
   * caller left, and {@link OfferResult#ANSWERED_ELSEWHERE} when the same call was offered to
   * several agents at once (ring-all) and another one answered first.
   *
   * <p>Ring-all: the ACD calls this once per agent, with the same call, in one go. The connector
   * connects the first agent to answer, completes that offer {@code ANSWERED}, stops the other
   * phones ringing and completes their offers {@code ANSWERED_ELSEWHERE} (those agents are free
   * again without a missed offer). When none answers, each offer completes {@code NOT_ANSWERED} and
   * the call waits again at its place.
   */
  CompletionStage<OfferResult> offer(Offer offer);

  /**
   * The ACD gives a waiting call back to its flow (the queue is full, the call waited the queue's
   * longest wait, or no agent is logged in): the flow goes on with what follows its {@code enqueue}
   * (another queue, voicemail, a callback offer). The call has left the ACD.
   */
  void giveBack(String callId, QueueExit why);

  /**
   * A waiting call moved from queue {@code from} to its overflow queue {@code to} (see {@link
   * QueueSettings#overflow()}): it waits there now, and is offered to that queue's agents. The
   * caller's wait goes on; the flow is not involved.
   */
  void overflowed(String callId, String from, String to);

  /**
   * Serves a callback: rings the agent, and once they answer calls the customer back through the
   * outbound route and bridges them. {@link OfferResult#ANSWERED} when both are connected, {@link
   * OfferResult#NOT_ANSWERED} when the agent did not take it (the request keeps its place for the
   * next agent), {@link OfferResult#CALL_GONE} when the customer could not be reached (the request
   * is done: failed).
   */
  CompletionStage<OfferResult> callBack(CallbackOffer offer);
}
