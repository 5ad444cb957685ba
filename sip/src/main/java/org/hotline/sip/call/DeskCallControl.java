package org.hotline.sip.call;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.hotline.core.acd.Acd;
import org.hotline.core.call.CallControl;
import org.hotline.core.call.ControlResult;
import org.hotline.core.dial.DialSite;
import org.hotline.core.dial.DialableNumber;
import org.hotline.core.flow.CallFlow;
import org.hotline.core.flow.EntryPoints;
import org.hotline.sip.trunk.TrunkRoute;

/**
 * What an agent's desktop does to the agent's calls: finds the call the agent is connected to in
 * the {@link CallRegistry} and hands the command to that call's {@link DeskControl}; places
 * click-to-call through {@link OutboundCalls}. Continuations of the ACD's futures run on the call
 * layer's pool, never on the ACD's thread.
 */
public final class DeskCallControl implements CallControl {
  private final CallServices services;
  private final EntryPoints entryPoints;
  private final OutboundCalls outbound;

  DeskCallControl(CallServices services, EntryPoints entryPoints, OutboundCalls outbound) {
    this.services = services;
    this.entryPoints = entryPoints;
    this.outbound = outbound;
  }

  @Override
  public CompletableFuture<Optional<String>> hangup(String agentId) {
    return services
        .calls()
        .byAgent(agentId)
        .map(s -> s.desk().hangUp(agentId))
        .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));
  }

  @Override
  public CompletableFuture<ControlResult> hold(String agentId, boolean hold) {
    return services
        .calls()
        .byAgent(agentId)
        .map(s -> s.desk().hold(agentId, hold))
        .orElseGet(() -> not(ControlResult.Status.NOT_ON_A_CALL));
  }

  @Override
  public CompletableFuture<ControlResult> transferToQueue(String agentId, String queue) {
    Optional<CallSession> session = services.calls().byAgent(agentId);
    if (session.isEmpty()) {
      return not(ControlResult.Status.NOT_ON_A_CALL);
    }
    return services
        .acd()
        .snapshot()
        .thenComposeAsync(
            snapshot -> {
              Optional<CallFlow> wait =
                  snapshot.queues().containsKey(queue)
                      ? entryPoints.queueFlow(queue, session.get().language())
                      : Optional.empty();
              if (wait.isEmpty()) {
                return not(ControlResult.Status.UNKNOWN_QUEUE);
              }
              return session.get().desk().toQueue(agentId, queue, wait.get());
            },
            services.pool()); // the ACD's futures complete on its thread: go on off it
  }

  @Override
  public CompletableFuture<ControlResult> transferToAgent(String agentId, String targetAgentId) {
    Optional<CallSession> session = services.calls().byAgent(agentId);
    if (session.isEmpty()) {
      return not(ControlResult.Status.NOT_ON_A_CALL);
    }
    if (agentId.equals(targetAgentId)) {
      return not(ControlResult.Status.AGENT_UNAVAILABLE);
    }
    Acd acd = services.acd();
    DeskControl desk = session.get().desk();
    return acd.reserve(targetAgentId, "transfer")
        .thenComposeAsync(
            target -> {
              if (target.isEmpty()) {
                return not(ControlResult.Status.AGENT_UNAVAILABLE);
              }
              // The call's queue is read on its executor, where the call changes.
              return desk.queue()
                  .thenCompose(
                      queue -> {
                        Optional<CallFlow> back =
                            queue == null
                                ? Optional.empty()
                                : entryPoints.queueFlow(queue, session.get().language());
                        return desk.toAgent(agentId, target.get(), back);
                      })
                  .thenApply(
                      result -> {
                        if (!result.isDone()) {
                          acd.release(targetAgentId, "transfer-cancelled");
                        }
                        return result;
                      });
            },
            services.pool());
  }

  @Override
  public CompletableFuture<ControlResult> dial(String agentId, String number) {
    if (!DialableNumber.isDeskNumber(number)) {
      throw new IllegalArgumentException("not a number to dial: " + number);
    }
    String uri;
    switch (services.trunk().route(DialSite.DESK, agentId, number)) {
      case TrunkRoute.NoTrunk none -> {
        return not(ControlResult.Status.NO_ROUTE);
      }
      case TrunkRoute.Refused(String reason) -> {
        return CompletableFuture.completedFuture(ControlResult.dialNotAllowed(reason));
      }
      case TrunkRoute.Dial(String at) -> uri = at;
    }
    if (!services.calls().isAccepting()) {
      return not(ControlResult.Status.NOT_AVAILABLE);
    }
    return services
        .acd()
        .reserve(agentId, "dial")
        .thenApplyAsync(
            agent ->
                agent
                    .map(a -> outbound.dial(a, number, uri))
                    .orElseGet(() -> ControlResult.not(ControlResult.Status.NOT_AVAILABLE)),
            services.pool());
  }

  private static CompletableFuture<ControlResult> not(ControlResult.Status why) {
    return CompletableFuture.completedFuture(ControlResult.not(why));
  }
}
