package org.hotline.sip.call;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.hotline.core.agent.Agent;
import org.hotline.core.call.Call;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.ControlResult;
import org.hotline.core.event.CallEvent;
import org.hotline.core.flow.CallFlow;
import org.hotline.core.flow.TransferResult;
import org.hotline.core.media.Prompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the connected agent's desktop does to one call: hang up, hold, blind transfer to a queue or
 * to another agent. Each command runs on the call's executor and answers whether it was done.
 */
final class DeskControl {
  private static final Logger log = LoggerFactory.getLogger(DeskControl.class);

  private final CallServices services;
  private final CallSession session;

  DeskControl(CallServices services, CallSession session) {
    this.services = services;
    this.session = session;
  }

  /**
   * The agent ends the call from their desktop: BYE to both phones, as when the agent hangs up.
   *
   * @return the call's id when {@code agentId} was on this call
   */
  CompletableFuture<Optional<String>> hangUp(String agentId) {
    CompletableFuture<Optional<String>> done = new CompletableFuture<>();
    session
        .executor()
        .execute(
            () -> {
              if (connectedTo(agentId)) {
                String callId = session.call().id();
                session.end(CallOutcome.ANSWERED, "agent-hangup", false);
                done.complete(Optional.of(callId));
              } else {
                done.complete(Optional.empty());
              }
            });
    return done;
  }

  /**
   * The agent holds the caller from their desktop ({@code hold} true) or resumes: the caller hears
   * music on hold and the agent's phone gets nothing of the caller meanwhile.
   */
  CompletableFuture<ControlResult> hold(String agentId, boolean hold) {
    CompletableFuture<ControlResult> done = new CompletableFuture<>();
    session
        .executor()
        .execute(
            () -> {
              if (!connectedTo(agentId)) {
                done.complete(ControlResult.not(ControlResult.Status.NOT_ON_A_CALL));
                return;
              }
              session.hold().fromDesk(hold, "desktop of agent " + agentId);
              done.complete(ControlResult.done(session.call().id()));
            });
    return done;
  }

  /** The queue the call came from, or null; read on the call's executor. */
  CompletableFuture<String> queue() {
    return CompletableFuture.supplyAsync(() -> session.call().queue(), session.executor());
  }

  /**
   * Blind transfer to {@code queue}: the agent's part of the call is recorded and their phone gets
   * BYE; the caller waits in the queue with {@code waitFlow}.
   */
  CompletableFuture<ControlResult> toQueue(String agentId, String queue, CallFlow waitFlow) {
    CompletableFuture<ControlResult> done = new CompletableFuture<>();
    session
        .executor()
        .execute(
            () -> {
              if (!connectedTo(agentId)) {
                done.complete(ControlResult.not(ControlResult.Status.NOT_ON_A_CALL));
                return;
              }
              String from = session.call().id();
              nextPart("transfer to queue " + queue);
              session.states().fire(CallTrigger.DESK_TO_QUEUE);
              session.startFlow(waitFlow);
              done.complete(ControlResult.done(from));
            });
    return done;
  }

  /**
   * Blind transfer to {@code target}, whom the ACD has reserved for it: the agent's part is
   * recorded, their phone gets BYE and the target's rings. When the target does not answer, the
   * caller waits in the queue the call came from (the ACD frees the target).
   *
   * @param waitFlow the flow to wait in the queue the call came from; empty: the call ends then
   */
  CompletableFuture<ControlResult> toAgent(
      String agentId, Agent target, Optional<CallFlow> waitFlow) {
    CompletableFuture<ControlResult> done = new CompletableFuture<>();
    session
        .executor()
        .execute(
            () -> {
              var binding = services.locations().newest(target.sipUser());
              if (!connectedTo(agentId)) {
                done.complete(ControlResult.not(ControlResult.Status.NOT_ON_A_CALL));
                return;
              }
              if (binding.isEmpty()) {
                done.complete(ControlResult.not(ControlResult.Status.AGENT_UNAVAILABLE));
                return;
              }
              String from = session.call().id();
              String queue = session.call().queue();
              nextPart("transfer to agent " + target.id());
              session.states().fire(CallTrigger.DESK_TO_AGENT);
              CompletableFuture<TransferResult> result = new CompletableFuture<>();
              session.transferRinging(result);
              result.thenAccept(
                  r -> session.executor().execute(() -> ended(r, target, queue, waitFlow)));
              Call call = session.call();
              Instant now = services.clock().instant();
              call.offered(target.id(), now);
              session.callerMedia().loop(new Prompt(session.language(), "ringback"));
              services
                  .bus()
                  .publish(
                      new CallEvent.Offered(
                          call.id(),
                          target.id(),
                          queue,
                          call.callerNumber(),
                          call.ivrChoice(),
                          now,
                          now));
              var ring =
                  new RingGroup.Target(
                      target,
                      binding.get().contactUri(),
                      binding.get().transport(),
                      services.ringTimeout());
              session
                  .ringing()
                  .ring(
                      ring,
                      new CompletableFuture<>(),
                      call.callerNumber(),
                      call.callerName(),
                      session.callerMedia());
              done.complete(ControlResult.done(from));
            });
    return done;
  }

  private void ended(
      TransferResult result, Agent target, String queue, Optional<CallFlow> waitFlow) {
    if (result == TransferResult.CONNECTED) {
      services.acd().directConnected(target.id(), queue, session.call().id());
      return;
    }
    if (result == TransferResult.NO_ANSWER) {
      services.acd().missed(target.id());
    } else {
      services.acd().release(target.id(), "transfer-ended");
    }
    if (session.state() != CallState.IVR) {
      return; // the call ended meanwhile
    }
    if (waitFlow.isPresent()) {
      log.info("agent {} did not take the transfer: back to queue {}", target.id(), queue);
      session.startFlow(waitFlow.get());
    } else {
      session.end(CallOutcome.ANSWERED, "transfer-not-answered", false);
    }
  }

  /**
   * Ends the agent's part of the call: recorded with cause {@code transferred} (the agent's desktop
   * sees it end), the agent's phone gets BYE and the ACD hears the agent is free; the caller's leg
   * goes on as the call's next part.
   */
  private void nextPart(String why) {
    Instant now = services.clock().instant();
    session.callerMedia().unbridge();
    session.callerMedia().stopHoldMusic();
    session.call().ended(now, CallOutcome.ANSWERED, "transferred");
    Call done = session.agentLeaves(now);
    log.info("{}: call {} goes on as {}", why, done.id(), session.call().id());
    CallRecord.close(services, session.executor(), done, CallOutcome.ANSWERED, () -> {}, () -> {});
  }

  /** Whether the call is connected to {@code agentId}. */
  private boolean connectedTo(String agentId) {
    return session.state() == CallState.CONNECTED
        && session.agentLeg().agent().id().equals(agentId);
  }
}
