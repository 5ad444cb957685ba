package org.hotline.admin.cti;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.hotline.cti.bridge.CtiCommandException;
import org.hotline.cti.bridge.CtiCommands;
import org.hotline.cti.bridge.CtiFeed;
import org.hotline.cti.bridge.CtiMessage;
import org.hotline.core.user.Role;
import org.hotline.cti.bridge.CtiUsers;

/**
 * A CTI bridge for tests: users {@code 1001} and {@code 1002} (agents, password {@code pw}) and
 * {@code crm} (an integration, password {@code crm-pw}); a feed the test publishes on; commands
 * that echo, fail as told and remember what they were asked.
 */
final class FakeCti implements CtiFeed, CtiCommands, CtiUsers {
  /** One command the bridge was asked to run. */
  record Call(String agentId, String command, Map<String, Object> args) {}

  final List<Consumer<CtiMessage>> sinks = new CopyOnWriteArrayList<>();
  final List<Call> calls = new CopyOnWriteArrayList<>();

  @Override
  public Optional<User> authenticate(String name, String password) {
    return switch (name) {
      case "1001", "1002" -> "pw".equals(password) ? Optional.of(new User(name, Role.AGENT)) : Optional.empty();
      case "crm" -> "crm-pw".equals(password) ? Optional.of(new User(name, Role.INTEGRATION)) : Optional.empty();
      default -> Optional.empty();
    };
  }

  @Override
  public void subscribe(Consumer<CtiMessage> sink) {
    sinks.add(sink);
  }

  /** Publishes {@code message} to every subscriber, as the bridge would. */
  void publish(CtiMessage message) {
    sinks.forEach(sink -> sink.accept(message));
  }

  /**
   * {@code echo} replies {@code {"agentId", "args"}}; {@code not-on-a-call} fails with that code;
   * {@code crash} fails with an unexpected exception; anything else is {@code unknown-command}.
   */
  @Override
  public CompletableFuture<Map<String, Object>> run(String agentId, String command, Map<String, Object> args) {
    calls.add(new Call(agentId, command, args));
    return switch (command) {
      case "echo" -> CompletableFuture.completedFuture(Map.of("agentId", agentId, "args", args));
      case "not-on-a-call" -> CompletableFuture.failedFuture(new CtiCommandException("not-on-a-call", "agent " + agentId + " is not on a call"));
      case "crash" -> CompletableFuture.failedFuture(new IllegalStateException("bug"));
      default -> CompletableFuture.failedFuture(new CtiCommandException("unknown-command", "no such command: " + command));
    };
  }
}
