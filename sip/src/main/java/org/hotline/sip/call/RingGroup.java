package org.hotline.sip.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hotline.core.acd.OfferResult;
import org.hotline.core.agent.Agent;
import org.hotline.sip.media.MediaEndpoint;

/**
 * The phones ringing for one call: one agent, several at once (ring-all), a transfer's target, or
 * the legs of a call placed for an agent. The first to answer wins and the others stop; each leg
 * keeps its own ring timer. Runs on the owner's executor.
 */
final class RingGroup {
  private final CallServices services;
  private final LegOwner owner;
  private final List<AgentLeg> legs = new ArrayList<>();

  RingGroup(CallServices services, LegOwner owner) {
    this.services = services;
    this.owner = owner;
  }

  /** Where a leg rings and whom it shows as calling. */
  record Target(Agent agent, String uri, String transport, Duration ringTimeout) {}

  /**
   * Rings {@code target}, showing {@code callerNumber} and {@code callerName}; its media is
   * allocated beside {@code beside}.
   *
   * @param result completes with how the leg ended
   */
  AgentLeg ring(
      Target target,
      CompletableFuture<OfferResult> result,
      String callerNumber,
      String callerName,
      MediaEndpoint beside) {
    AgentLeg leg =
        new AgentLeg(
            services,
            owner,
            target.agent(),
            target.uri(),
            target.transport(),
            result,
            target.ringTimeout());
    legs.add(leg);
    leg.dial(callerNumber, callerName, beside);
    return leg;
  }

  /**
   * {@code leg} stopped ringing (no answer, busy, unreachable).
   *
   * @return whether it was ringing in this group
   */
  boolean stopped(AgentLeg leg) {
    return legs.remove(leg);
  }

  /** Whether no phone rings for the call. */
  boolean isEmpty() {
    return legs.isEmpty();
  }

  /** The legs still ringing stop: another leg answered (ring-all), their agents miss nothing. */
  void answeredElsewhere() {
    legs.forEach(AgentLeg::answeredElsewhere);
    legs.clear();
  }

  /** Every leg still ringing is cancelled. */
  void hangUpAll() {
    legs.forEach(AgentLeg::hangup);
    legs.clear();
  }
}
