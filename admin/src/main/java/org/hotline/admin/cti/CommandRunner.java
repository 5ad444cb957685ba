package org.hotline.admin.cti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.hotline.cti.bridge.CtiCommands;
import org.hotline.cti.protocol.CtiCodec;
import org.hotline.cti.protocol.CtiCommand;
import org.hotline.cti.protocol.CtiCommandException;
import org.hotline.cti.protocol.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns one command frame of a session into a {@link CtiCommand} run by {@link CtiCommands}, and
 * its outcome into the reply or error frame.
 *
 * <p>A command is {@code {"type": "set-state", "id": "c1", ...fields}}. An agent's command acts on
 * the agent; naming another agent in {@code agentId} is {@code forbidden}. An integration's command
 * must name its agent in {@code agentId}. Errors, in the order they are looked for: {@code
 * bad-json} (not a JSON object), {@code bad-argument} (no {@code type}), {@code forbidden}, {@code
 * bad-argument} (an integration's missing {@code agentId}), then {@code unknown-command} and {@code
 * bad-argument} from reading the command ({@link CtiCodec#command}), the bridge's own codes, and
 * {@code internal} when the bridge failed unexpectedly (logged, not shown).
 *
 * <p>Meter {@code hotline.cti.commands} counts commands by {@code result}: {@code reply} or {@code
 * error}.
 */
final class CommandRunner {
  private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);

  private final CtiCommands commands;
  private final Counter replies;
  private final Counter errors;

  CommandRunner(CtiCommands commands, MeterRegistry meters) {
    this.commands = Objects.requireNonNull(commands, "commands");
    this.replies = counter(meters, "reply");
    this.errors = counter(meters, "error");
  }

  /**
   * Runs command {@code text} of {@code session}. It parses the frame on the calling thread, so
   * call it off the event loop.
   *
   * @return the frame that answers it, reply or error; never completes exceptionally
   */
  CompletableFuture<byte[]> run(Session session, String text) {
    Optional<ObjectNode> frame = CtiCodec.object(text);
    if (frame.isEmpty()) {
      return failed(
          null, "bad-json", "a command is a JSON object: {\"type\": ..., \"id\": ..., ...}");
    }
    ObjectNode command = frame.get();
    Object id = id(command.get("id"));
    JsonNode type = command.get("type");
    if (type == null || !type.isTextual() || type.textValue().isBlank()) {
      return failed(id, "bad-argument", "type is required: the command to run");
    }
    if (!session.mayCommand()) {
      return failed(
          id,
          "forbidden",
          "a "
              + session.user().role().id()
              + " watches CTI read-only: commands are for agents and integrations");
    }
    JsonNode named = command.get("agentId");
    String agentId;
    if (session.isAgent()) {
      if (named != null
          && !named.isNull()
          && !(named.isTextual() && session.user().name().equals(named.textValue()))) {
        return failed(id, "forbidden", "an agent's commands act on the agent only");
      }
      agentId = session.user().name();
    } else if (named != null && named.isTextual() && !named.textValue().isBlank()) {
      agentId = named.textValue();
    } else {
      return failed(id, "bad-argument", "agentId is required: the agent the command acts on");
    }
    CtiCommand read;
    try {
      read = CtiCodec.command(command);
    } catch (CtiCommandException e) {
      return failed(id, e.code(), e.getMessage());
    }
    return call(id, agentId, read);
  }

  /** The command's {@code id} as sent, a string or a number; null for anything else. */
  private static Object id(JsonNode id) {
    if (id == null) {
      return null;
    }
    return id.isTextual() ? id.textValue() : id.isNumber() ? id.numberValue() : null;
  }

  private CompletableFuture<byte[]> call(Object id, String agentId, CtiCommand command) {
    CompletableFuture<Reply> result;
    try {
      result =
          Objects.requireNonNull(commands.run(agentId, command), "CtiCommands.run answered null");
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    return result.handle(
        (reply, failure) -> {
          if (failure == null) {
            replies.increment();
            return CtiJson.reply(id, reply);
          }
          errors.increment();
          Throwable cause =
              failure instanceof CompletionException && failure.getCause() != null
                  ? failure.getCause()
                  : failure;
          if (cause instanceof CtiCommandException e) {
            return CtiJson.error(id, e.code(), e.getMessage());
          }
          MDC.put("agentId", agentId);
          try {
            log.error("CTI command {} failed", command.type(), cause);
          } finally {
            MDC.remove("agentId");
          }
          return CtiJson.error(id, "internal", "internal error");
        });
  }

  private CompletableFuture<byte[]> failed(Object id, String code, String message) {
    errors.increment();
    return CompletableFuture.completedFuture(CtiJson.error(id, code, message));
  }

  private static Counter counter(MeterRegistry meters, String result) {
    return Counter.builder("hotline.cti.commands")
        .description("CTI commands answered, by result")
        .tag("result", result)
        .register(Objects.requireNonNull(meters, "meters"));
  }
}
