package org.hotline.sip.call;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.hotline.core.call.CallOutcome;

/** Counters of the call layer. */
final class CallMetrics {
  final Counter invites;
  final Counter rejected400;
  final Counter rejected404;
  final Counter rejected488;
  final Counter rejected503;
  final Counter agentOffers;
  final Counter agentNoAnswer;
  final Counter cdrFailures;
  final Counter holds;
  final Counter featureCodes;
  final Counter featureCodesRefused;
  final Counter reinvites;

  /** Triggers a call's state did not take (see {@link CallStateMachine}). */
  final Counter refusedTransitions;

  final Timer setup;
  private final MeterRegistry registry;

  CallMetrics(MeterRegistry r) {
    registry = r;
    invites = r.counter("hotline.sip.invites");
    rejected400 = r.counter("hotline.sip.invites.rejected", "status", "400");
    rejected404 = r.counter("hotline.sip.invites.rejected", "status", "404");
    rejected488 = r.counter("hotline.sip.invites.rejected", "status", "488");
    rejected503 = r.counter("hotline.sip.invites.rejected", "status", "503");
    agentOffers = r.counter("hotline.sip.agent.invites");
    agentNoAnswer = r.counter("hotline.sip.agent.not.answered");
    cdrFailures = r.counter("hotline.cdr.lost");
    holds = r.counter("hotline.calls.holds");
    featureCodes = r.counter("hotline.sip.feature.codes", "result", "ok");
    featureCodesRefused = r.counter("hotline.sip.feature.codes", "result", "refused");
    reinvites = r.counter("hotline.sip.reinvites");
    refusedTransitions = r.counter("hotline.calls.transitions.refused");
    setup =
        Timer.builder("hotline.sip.invite.answer")
            .description("INVITE received to 200 OK sent")
            .register(r);
  }

  void ended(CallOutcome outcome) {
    registry.counter("hotline.calls.ended", "outcome", outcome.code()).increment();
  }
}
