package org.hotline.sip.call;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.hotline.core.acd.Acd;
import org.hotline.core.acd.OfferResult;
import org.hotline.core.agent.Agent;
import org.hotline.core.dial.DialSite;
import org.hotline.core.flow.TransferResult;
import org.hotline.core.flow.TransferTarget;
import org.hotline.core.media.Prompt;
import org.hotline.sip.trunk.TrunkRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flow's transfer of the caller, to an agent or to a number at the trunk: the target rings
 * while the caller hears ringback, and the caller is bridged when it answers.
 */
final class FlowTransfer {
  private static final Logger log = LoggerFactory.getLogger(FlowTransfer.class);

  private final CallServices services;
  private final CallSession session;

  FlowTransfer(CallServices services, CallSession session) {
    this.services = services;
    this.session = session;
  }

  /**
   * Transfers the caller to {@code target}. An agent is rung only when the ACD could reserve them
   * (they were available); the ACD then hears how it went: on the call, a missed offer, or free
   * again.
   */
  CompletableFuture<TransferResult> transfer(TransferTarget target) {
    if (!(target instanceof TransferTarget.Agent(String agentId))) {
      return ring(target);
    }
    Acd acd = services.acd();
    return acd.reserve(agentId, "transfer")
        .thenComposeAsync(
            reserved -> {
              if (reserved.isEmpty()) {
                log.info("transfer to agent {}: not available", agentId);
                return CompletableFuture.completedFuture(TransferResult.UNREACHABLE);
              }
              return ring(target)
                  .whenComplete(
                      (result, failure) -> {
                        if (result == TransferResult.CONNECTED) {
                          acd.directConnected(agentId, null, session.id());
                        } else if (result == TransferResult.NO_ANSWER) {
                          acd.missed(agentId);
                        } else {
                          acd.release(agentId, "transfer-ended");
                        }
                      });
            },
            services.pool()); // off the ACD's thread, which completes its futures
  }

  /** Rings the transfer's target and bridges the caller when it answers. */
  private CompletableFuture<TransferResult> ring(TransferTarget target) {
    CompletableFuture<TransferResult> result = new CompletableFuture<>();
    session
        .executor()
        .execute(
            () -> {
              if (!session.states().accepts(CallTrigger.TRANSFER_RINGING)) {
                result.complete(TransferResult.UNREACHABLE);
                return;
              }
              Optional<RingGroup.Target> leg = targetOf(target);
              if (leg.isEmpty()) {
                result.complete(TransferResult.UNREACHABLE);
                return;
              }
              session.states().fire(CallTrigger.TRANSFER_RINGING);
              session.transferRinging(result);
              var call = session.call();
              call.offered(leg.get().agent().id(), services.clock().instant());
              session.callerMedia().loop(new Prompt(session.language(), "ringback"));
              log.info("transferring to {}", target);
              session
                  .ringing()
                  .ring(
                      leg.get(),
                      new CompletableFuture<OfferResult>(),
                      call.callerNumber(),
                      call.callerName(),
                      session.callerMedia());
            });
    return result;
  }

  private Optional<RingGroup.Target> targetOf(TransferTarget target) {
    switch (target) {
      case TransferTarget.Agent(String agentId) -> {
        Optional<Agent> agent = services.agents().apply(agentId);
        var binding = agent.flatMap(a -> services.locations().newest(a.sipUser()));
        if (binding.isEmpty()) {
          log.info(
              "transfer to agent {}: {}",
              agentId,
              agent.isEmpty() ? "no such agent" : "no registered phone");
          return Optional.empty();
        }
        return Optional.of(
            new RingGroup.Target(
                agent.get(),
                binding.get().contactUri(),
                binding.get().transport(),
                services.ringTimeout()));
      }
      case TransferTarget.Number(String number) -> {
        // On transfer-allow, as the flows file was checked; the dial policy has its say too.
        switch (services.trunk().route(DialSite.IVR_TRANSFER, "call " + session.id(), number)) {
          case TrunkRoute.NoTrunk none -> {
            log.warn("transfer to {}: no trunk configured (hotline.sip.trunk)", number);
            return Optional.empty();
          }
          case TrunkRoute.Refused refused -> {
            return Optional.empty(); // counted, audited and logged by the dial policy's guard
          }
          case TrunkRoute.Dial(String uri) -> {
            // The CDR's agent column shows where the call went.
            Agent outside = new Agent("tel:" + number, number, number, Set.of());
            return Optional.of(new RingGroup.Target(outside, uri, "udp", services.ringTimeout()));
          }
        }
      }
    }
  }
}
