package org.hotline.sip.call;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;

/**
 * What owns an outbound {@link AgentLeg}: an inbound call being offered or transferred ({@link
 * CallSession}), or a call placed for an agent ({@link OutboundSession}: a callback, a
 * click-to-call). Every method runs on the owner's executor.
 */
interface LegOwner {

  /** Where the leg's events run, one at a time with the owner's. */
  SerialExecutor executor();

  /** The leg was answered and its media connected. */
  void legAnswered(AgentLeg leg);

  /** The leg ended without an answer (ring timeout, busy, unreachable, unusable SDP). */
  void legFailed(AgentLeg leg);

  /** The far end of an answered leg sent BYE; answer {@code tx} with 200. */
  void legBye(AgentLeg leg, RequestEvent event, ServerTransaction tx);

  /** The far end of an answered leg sent a re-INVITE with {@code offer} (empty: none). */
  void legReinvite(AgentLeg leg, RequestEvent event, ServerTransaction tx, String offer);
}
