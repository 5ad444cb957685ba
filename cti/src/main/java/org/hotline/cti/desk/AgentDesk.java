package org.hotline.cti.desk;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.hotline.core.agent.AgentControl;
import org.hotline.core.call.CallControl;
import org.hotline.core.call.ControlResult;
import org.hotline.core.cdr.CdrRepository;
import org.hotline.cti.bridge.CtiCommands;
import org.hotline.cti.feed.OfferedCalls;
import org.hotline.cti.protocol.CtiCommand;
import org.hotline.cti.protocol.CtiCommandException;
import org.hotline.cti.protocol.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The commands an agent's desktop sends (docs/cti-protocol.md):
 *
 * <ul>
 *   <li>{@code set-state} {@code {state, reason}}: {@code available} (or {@code ready}), {@code
 *       break} with one of the configured break reasons, {@code logout}; applied through {@link
 *       AgentControl}, so in order with routing (a break asked for during a call starts after it).
 *   <li>{@code wrap-up} {@code {callId, disposition, notes}}: stored with the call's CDR, for a
 *       call the agent answered or was offered; the CDR's agent decides once it is written.
 *   <li>{@code hangup} {@code {}}: ends the call the agent is on, as hanging up their phone would;
 *       {@code not-on-a-call} when there is none.
 *   <li>{@code hold} / {@code unhold} {@code {}}: the caller hears music on hold, or the agent
 *       again.
 *   <li>{@code transfer} {@code {queue}} or {@code {agent}}: blind transfer of the agent's call;
 *       {@code unknown-queue}, {@code agent-unavailable}.
 *   <li>{@code dial} {@code {number}}: click-to-call, the agent's phone rings first; {@code
 *       not-available} when the agent is not available, {@code no-route} without a trunk, {@code
 *       dial-not-allowed} with the reason for a number {@code hotline.dial.allow} refuses.
 * </ul>
 *
 * <p>A command comes well-formed ({@link CtiCommand} checks its fields; an unknown command or a
 * malformed field is refused when its frame is read), so what is refused here is what cannot be
 * done: a break reason not configured is {@code bad-argument}; a call that is not the agent's is
 * {@code not-your-call}; a wrap-up the database could not take is {@code server-error} (logged with
 * the call; the desktop may send it again). Whether a wrap-up's call is the agent's is looked up,
 * and the wrap-up stored, on the {@code writes} executor, never on the connection's thread.
 */
public final class AgentDesk implements CtiCommands {
  private static final Logger log = LoggerFactory.getLogger(AgentDesk.class);

  private final AgentControl agents;
  private final List<String> breakReasons;
  private final CdrRepository cdrs;
  private final OfferedCalls offered;
  private final Executor writes;
  private final CallControl calls;

  /**
   * @param breakReasons the configured break reasons ({@code AcdPolicy.breakReasons()})
   * @param offered the calls on now and whom they were offered to ({@code
   *     CtiEvents.offeredCalls()})
   * @param writes the database write pool
   * @param calls acts on the agent's calls: hangup, hold, transfer, dial
   */
  public AgentDesk(
      AgentControl agents,
      List<String> breakReasons,
      CdrRepository cdrs,
      OfferedCalls offered,
      Executor writes,
      CallControl calls) {
    this.calls = Objects.requireNonNull(calls, "calls");
    this.agents = Objects.requireNonNull(agents, "agents");
    this.breakReasons = List.copyOf(breakReasons);
    this.cdrs = Objects.requireNonNull(cdrs, "cdrs");
    this.offered = Objects.requireNonNull(offered, "offered");
    this.writes = Objects.requireNonNull(writes, "writes");
  }

  @Override
  public CompletableFuture<Reply> run(String agentId, CtiCommand command) {
    try {
      Objects.requireNonNull(agentId, "agentId");
      return switch (Objects.requireNonNull(command, "command")) {
        case CtiCommand.SetState s -> CompletableFuture.completedFuture(setState(agentId, s));
        case CtiCommand.WrapUp w -> wrapUp(agentId, w);
        case CtiCommand.Hangup h -> hangup(agentId);
        case CtiCommand.Hold h ->
            answered(calls.hold(agentId, true), callId -> Reply.held(callId, true));
        case CtiCommand.Unhold u ->
            answered(calls.hold(agentId, false), callId -> Reply.held(callId, false));
        case CtiCommand.Transfer t -> transfer(agentId, t);
        case CtiCommand.Dial d ->
            answered(calls.dial(agentId, d.number()), callId -> Reply.dialled(callId, d.number()));
      };
    } catch (CtiCommandException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private CompletableFuture<Reply> hangup(String agentId) {
    return calls
        .hangup(agentId)
        .thenApply(
            callId -> {
              if (callId.isEmpty()) {
                throw new CtiCommandException(
                    "not-on-a-call", "agent " + agentId + " is on no call");
              }
              return Reply.hungUp(callId.get());
            });
  }

  private CompletableFuture<Reply> transfer(String agentId, CtiCommand.Transfer transfer) {
    String queue = transfer.queue();
    String agent = transfer.agent();
    return queue != null
        ? answered(
            calls.transferToQueue(agentId, queue),
            callId -> Reply.transferredToQueue(callId, queue))
        : answered(
            calls.transferToAgent(agentId, agent),
            callId -> Reply.transferredToAgent(callId, agent));
  }

  /** The reply to a call command, from the call's id; an error when not done. */
  private static CompletableFuture<Reply> answered(
      CompletableFuture<ControlResult> result, Function<String, Reply> reply) {
    return result.thenApply(
        r -> {
          if (!r.isDone()) {
            throw new CtiCommandException(
                code(r.status()), r.reason() != null ? r.reason() : message(r.status()));
          }
          return reply.apply(r.callId());
        });
  }

  private static String code(ControlResult.Status status) {
    return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  private static String message(ControlResult.Status status) {
    return switch (status) {
      case NOT_ON_A_CALL -> "the agent is on no connected call";
      case UNKNOWN_QUEUE -> "no such queue";
      case AGENT_UNAVAILABLE -> "that agent is not available to take the call";
      case NOT_AVAILABLE -> "only an available agent can dial: set the state to available first";
      case NO_ROUTE -> "no outbound route is configured to dial numbers";
      case DIAL_NOT_ALLOWED -> "the number may not be dialled (hotline.dial.allow)";
      case DONE -> "done";
    };
  }

  private Reply setState(String agentId, CtiCommand.SetState command) {
    switch (command.state()) {
      case CtiCommand.SetState.AVAILABLE -> agents.ready(agentId);
      case CtiCommand.SetState.BREAK -> {
        if (!breakReasons.contains(command.reason())) {
          throw new CtiCommandException(
              "bad-argument",
              "unknown break reason '"
                  + CtiCommandException.shortened(command.reason())
                  + "'; one of "
                  + String.join(", ", breakReasons));
        }
        agents.pause(agentId, command.reason());
      }
      case CtiCommand.SetState.LOGOUT -> agents.logout(agentId);
      default ->
          throw new IllegalStateException("SetState let state " + command.state() + " through");
    }
    return Reply.stateSet(agentId, command.state(), command.reason());
  }

  private CompletableFuture<Reply> wrapUp(String agentId, CtiCommand.WrapUp command) {
    CompletableFuture<Reply> done = new CompletableFuture<>();
    try {
      writes.execute(
          () ->
              storeWrapUp(agentId, command.callId(), command.disposition(), command.notes(), done));
    } catch (RejectedExecutionException e) {
      done.completeExceptionally(notStored(command.callId(), e));
    }
    return done;
  }

  private void storeWrapUp(
      String agentId,
      String callId,
      String disposition,
      String notes,
      CompletableFuture<Reply> done) {
    MDC.put("callId", callId);
    MDC.put("agentId", agentId);
    try {
      if (!handledBy(callId, agentId)) {
        done.completeExceptionally(
            new CtiCommandException(
                "not-your-call",
                "call "
                    + CtiCommandException.shortened(callId)
                    + " was not offered to "
                    + agentId));
        return;
      }
      cdrs.wrapUp(callId, disposition, notes);
      done.complete(Reply.wrappedUp(callId, disposition));
    } catch (RuntimeException e) {
      done.completeExceptionally(notStored(callId, e));
    } finally {
      MDC.remove("callId");
      MDC.remove("agentId");
    }
  }

  private static CtiCommandException notStored(String callId, Exception cause) {
    log.error("wrap-up of call {} NOT stored: {}", callId, cause.toString());
    return new CtiCommandException(
        "server-error", "the wrap-up could not be stored now; send it again");
  }

  /** Whether the call is the agent's: by its CDR once written, else by the offer while it is on. */
  private boolean handledBy(String callId, String agentId) {
    if (offered.offeredTo(callId, agentId)) {
      return true;
    }
    return cdrs.find(callId).map(c -> agentId.equals(c.agentId())).orElse(false);
  }
}
