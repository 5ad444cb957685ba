package org.hotline.admin.cti;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.hotline.admin.http.Json;
import org.hotline.cti.bridge.CtiCommandException;
import org.hotline.cti.bridge.CtiCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns one command frame of a session into a call of {@link CtiCommands} and its outcome into
 * the reply or error frame.
 *
 * <p>A command is {@code {"type": "set-state", "id": "c1", ...args}}. An agent's command acts on
 * the agent; naming another agent in {@code agentId} is {@code forbidden}. An integration's
 * command must name its agent in {@code agentId}. {@code agentId} is taken out of the arguments
 * and given as the agent. Errors: {@code bad-json} (not a JSON object), {@code bad-argument} (no
 * {@code type}, or an integration's missing {@code agentId}), {@code forbidden}, the bridge's own
 * codes, and {@code internal} when the bridge failed unexpectedly (logged, not shown).
 *
 * <p>Meter {@code hotline.cti.commands} counts commands by {@code result}: {@code reply} or
 * {@code error}.
 */
final class CommandRunner {
  private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);
  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};

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
    Map<String, Object> command;
    try {
      command = Json.MAPPER.readValue(text, OBJECT);
    } catch (IOException | RuntimeException e) {
      command = null;
    }
    if (command == null) {
      return failed(null, "bad-json", "a command is a JSON object: {\"type\": ..., \"id\": ..., ...}");
    }
    Object id = command.remove("id");
    if (!(id instanceof String || id instanceof Number)) {
      id = null;
    }
    Object type = command.remove("type");
    if (!(type instanceof String name) || name.isBlank()) {
      return failed(id, "bad-argument", "type is required: the command to run");
    }
    if (!session.mayCommand()) {
      return failed(id, "forbidden", "a " + session.user().role().id() + " watches CTI read-only: commands are for agents and integrations");
    }
    Object named = command.remove("agentId");
    String agentId;
    if (session.isAgent()) {
      if (named != null && !session.user().name().equals(named)) {
        return failed(id, "forbidden", "an agent's commands act on the agent only");
      }
      agentId = session.user().name();
    } else if (named instanceof String s && !s.isBlank()) {
      agentId = s;
    } else {
      return failed(id, "bad-argument", "agentId is required: the agent the command acts on");
    }
    return call(id, agentId, name, command);
  }

  private CompletableFuture<byte[]> call(Object id, String agentId, String type, Map<String, Object> args) {
    CompletableFuture<Map<String, Object>> result;
    try {
      result = Objects.requireNonNull(commands.run(agentId, type, args), "CtiCommands.run answered null");
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    return result.handle(
        (fields, failure) -> {
          if (failure == null) {
            replies.increment();
            return CtiJson.reply(id, fields);
          }
          errors.increment();
          Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
          if (cause instanceof CtiCommandException e) {
            return CtiJson.error(id, e.code(), e.getMessage());
          }
          MDC.put("agentId", agentId);
          try {
            log.error("CTI command {} failed", type, cause);
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
