package org.hotline.core.acd;

/** How an offer ended. */
public enum OfferResult {
  /** The agent answered; the call is connected. */
  ANSWERED,
  /** The agent did not take it: ring timeout, busy, decline or an unreachable phone. */
  NOT_ANSWERED,
  /** The caller left (or the call ended) while the agent's phone rang. */
  CALL_GONE,
  /** Another agent rung for the same call at the same time (ring-all) answered first. */
  ANSWERED_ELSEWHERE
}
