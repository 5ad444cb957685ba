package org.hotline.cti.desk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;
import org.hotline.core.agent.AgentControl;
import org.hotline.core.call.CallControl;
import org.hotline.core.call.ControlResult;
import org.hotline.core.cdr.CdrRepository;
import org.hotline.core.dial.DialableNumber;
import org.hotline.cti.bridge.CtiCommandException;
import org.hotline.cti.bridge.CtiCommands;
import org.hotline.cti.feed.OfferedCalls;
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
 *   <li>{@code hold} / {@code unhold} {@code {}}: the caller hears music on hold, or the agent again.
 *   <li>{@code transfer} {@code {queue}} or {@code {agent}}: blind transfer of the agent's call;
 *       {@code unknown-queue}, {@code agent-unavailable}.
 *   <li>{@code dial} {@code {number}}: click-to-call, the agent's phone rings first; {@code
 *       not-available} when the agent is not available, {@code no-route} without a trunk, {@code
 *       dial-not-allowed} with the reason for a number {@code hotline.dial.allow} refuses.
 * </ul>
 *
 * <p>Anything else is {@code unknown-command}; a missing or malformed field is {@code
 * bad-argument}; a call that is not the agent's is {@code not-your-call}; a wrap-up the database
 * could not take is {@code server-error} (logged with the call; the desktop may send it again).
 * Wrap-ups are checked and stored on the {@code writes} executor, never on the connection's
 * thread.
 */
public final class AgentDesk implements CtiCommands {
  private static final Logger log = LoggerFactory.getLogger(AgentDesk.class);

  /** Taken out of a number to dial: how people write numbers. */
  private static final Pattern NUMBER_SPACING = Pattern.compile("[\\s()\\-.]");

  /** What a disposition code may look like: a short word, as desktops and reports list them. */
  private static final Pattern DISPOSITION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private final AgentControl agents;
  private final List<String> breakReasons;
  private final CdrRepository cdrs;
  private final OfferedCalls offered;
  private final Executor writes;
  private final CallControl calls;

  /**
   * @param breakReasons the configured break reasons ({@code AcdPolicy.breakReasons()})
   * @param offered the calls on now and whom they were offered to ({@code CtiEvents.offeredCalls()})
   * @param writes the database write pool
   * @param calls acts on the agent's calls: hangup, hold, transfer, dial
   */
  public AgentDesk(
      AgentControl agents, List<String> breakReasons, CdrRepository cdrs, OfferedCalls offered, Executor writes, CallControl calls) {
    this.calls = Objects.requireNonNull(calls, "calls");
    this.agents = Objects.requireNonNull(agents, "agents");
    this.breakReasons = List.copyOf(breakReasons);
    this.cdrs = Objects.requireNonNull(cdrs, "cdrs");
    this.offered = Objects.requireNonNull(offered, "offered");
    this.writes = Objects.requireNonNull(writes, "writes");
  }

  @Override
  public CompletableFuture<Map<String, Object>> run(String agentId, String command, Map<String, Object> args) {
    try {
      Objects.requireNonNull(agentId, "agentId");
      Map<String, Object> a = args == null ? Map.of() : args;
      return switch (command == null ? "" : command) {
        case "set-state" -> CompletableFuture.completedFuture(setState(agentId, a));
        case "wrap-up" -> wrapUp(agentId, a);
        case "hangup" -> hangup(agentId);
        case "hold" -> answered(calls.hold(agentId, true), "held", true);
        case "unhold" -> answered(calls.hold(agentId, false), "held", false);
        case "transfer" -> transfer(agentId, a);
        case "dial" -> dial(agentId, a);
        default -> throw new CtiCommandException("unknown-command", "unknown command '" + shortened(String.valueOf(command)) + "'");
      };
    } catch (CtiCommandException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private CompletableFuture<Map<String, Object>> hangup(String agentId) {
    return calls.hangup(agentId).thenApply(callId -> {
      if (callId.isEmpty()) {
        throw new CtiCommandException("not-on-a-call", "agent " + agentId + " is on no call");
      }
      Map<String, Object> reply = new LinkedHashMap<>();
      reply.put("ok", true);
      reply.put("callId", callId.get());
      return reply;
    });
  }

  private CompletableFuture<Map<String, Object>> transfer(String agentId, Map<String, Object> args) {
    String queue = text(args, "queue", false);
    String agent = text(args, "agent", false);
    if ((queue == null) == (agent == null)) {
      throw new CtiCommandException("bad-argument", "transfer takes a queue or an agent, one of them");
    }
    return queue != null
        ? answered(calls.transferToQueue(agentId, queue), "queue", queue)
        : answered(calls.transferToAgent(agentId, agent), "agent", agent);
  }

  private CompletableFuture<Map<String, Object>> dial(String agentId, Map<String, Object> args) {
    String number = NUMBER_SPACING.matcher(text(args, "number", true)).replaceAll("");
    if (!DialableNumber.isDeskNumber(number)) {
      throw new CtiCommandException("bad-argument", "number is digits, with + * # allowed, at most 32");
    }
    return answered(calls.dial(agentId, number), "number", number);
  }

  /** The reply to a call command: {@code ok}, the call's id and {@code field}; an error when not done. */
  private static CompletableFuture<Map<String, Object>> answered(
      CompletableFuture<ControlResult> result, String field, Object value) {
    return result.thenApply(r -> {
      if (!r.isDone()) {
        throw new CtiCommandException(code(r.status()), r.reason() != null ? r.reason() : message(r.status()));
      }
      Map<String, Object> reply = new LinkedHashMap<>();
      reply.put("ok", true);
      reply.put("callId", r.callId());
      reply.put(field, value);
      return reply;
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

  private Map<String, Object> setState(String agentId, Map<String, Object> args) {
    String state = text(args, "state", true);
    String reason = null;
    switch (state) {
      case "available", "ready" -> agents.ready(agentId);
      case "break" -> {
        reason = text(args, "reason", true);
        if (!breakReasons.contains(reason)) {
          throw new CtiCommandException(
              "bad-argument", "unknown break reason '" + shortened(reason) + "'; one of " + String.join(", ", breakReasons));
        }
        agents.pause(agentId, reason);
      }
      case "logout" -> agents.logout(agentId);
      default -> throw new CtiCommandException("bad-argument", "state is available, break or logout, got '" + shortened(state) + "'");
    }
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("ok", true);
    reply.put("agentId", agentId);
    reply.put("state", state.equals("ready") ? "available" : state);
    if (reason != null) {
      reply.put("reason", reason);
    }
    return reply;
  }

  private CompletableFuture<Map<String, Object>> wrapUp(String agentId, Map<String, Object> args) {
    String callId = text(args, "callId", true);
    String disposition = text(args, "disposition", true);
    String notes = text(args, "notes", false);
    if (disposition.length() > CdrRepository.MAX_DISPOSITION || !DISPOSITION.matcher(disposition).matches()) {
      throw new CtiCommandException(
          "bad-argument", "disposition is a code of letters, digits, '-', '_' or '.', at most " + CdrRepository.MAX_DISPOSITION + " long");
    }
    if (notes != null && notes.length() > CdrRepository.MAX_NOTES) {
      throw new CtiCommandException("bad-argument", "notes are longer than " + CdrRepository.MAX_NOTES + " characters");
    }
    CompletableFuture<Map<String, Object>> done = new CompletableFuture<>();
    try {
      writes.execute(() -> storeWrapUp(agentId, callId, disposition, notes, done));
    } catch (RejectedExecutionException e) {
      done.completeExceptionally(notStored(callId, e));
    }
    return done;
  }

  private void storeWrapUp(String agentId, String callId, String disposition, String notes, CompletableFuture<Map<String, Object>> done) {
    MDC.put("callId", callId);
    MDC.put("agentId", agentId);
    try {
      if (!handledBy(callId, agentId)) {
        done.completeExceptionally(
            new CtiCommandException("not-your-call", "call " + shortened(callId) + " was not offered to " + agentId));
        return;
      }
      cdrs.wrapUp(callId, disposition, notes);
      Map<String, Object> reply = new LinkedHashMap<>();
      reply.put("ok", true);
      reply.put("callId", callId);
      reply.put("disposition", disposition);
      done.complete(reply);
    } catch (RuntimeException e) {
      done.completeExceptionally(notStored(callId, e));
    } finally {
      MDC.remove("callId");
      MDC.remove("agentId");
    }
  }

  private static CtiCommandException notStored(String callId, Exception cause) {
    log.error("wrap-up of call {} NOT stored: {}", callId, cause.toString());
    return new CtiCommandException("server-error", "the wrap-up could not be stored now; send it again");
  }

  /** Whether the call is the agent's: by its CDR once written, else by the offer while it is on. */
  private boolean handledBy(String callId, String agentId) {
    if (offered.offeredTo(callId, agentId)) {
      return true;
    }
    return cdrs.find(callId).map(c -> agentId.equals(c.agentId())).orElse(false);
  }

  private static String text(Map<String, Object> args, String field, boolean required) {
    Object value = args.get(field);
    if (value == null || (value instanceof String s && s.isBlank())) {
      if (required) {
        throw new CtiCommandException("bad-argument", field + " is required");
      }
      return null;
    }
    if (!(value instanceof String s)) {
      throw new CtiCommandException("bad-argument", field + " must be a string");
    }
    return s.strip();
  }

  private static String shortened(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }
}
