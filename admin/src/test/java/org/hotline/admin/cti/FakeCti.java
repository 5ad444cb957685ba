package org.hotline.admin.cti;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.hotline.core.user.Role;
import org.hotline.cti.bridge.CtiCommands;
import org.hotline.cti.bridge.CtiFeed;
import org.hotline.cti.bridge.CtiUsers;
import org.hotline.cti.protocol.AgentStateChanged;
import org.hotline.cti.protocol.CtiCommand;
import org.hotline.cti.protocol.CtiCommandException;
import org.hotline.cti.protocol.CtiEvent;
import org.hotline.cti.protocol.QueueStatsChanged;
import org.hotline.cti.protocol.Reply;
import org.hotline.cti.protocol.ScreenPop;

/**
 * A CTI bridge for tests: users {@code 1001} and {@code 1002} (agents, password {@code pw}) and
 * {@code crm} (an integration, password {@code crm-pw}); a feed the test publishes on; commands
 * that reply, fail as told and remember what they were asked.
 */
final class FakeCti implements CtiFeed, CtiCommands, CtiUsers {
  /** One command the bridge was asked to run. */
  record Call(String agentId, CtiCommand command) {}

  final List<Consumer<CtiEvent>> sinks = new CopyOnWriteArrayList<>();
  final List<Call> calls = new CopyOnWriteArrayList<>();

  @Override
  public Optional<User> authenticate(String name, String password) {
    return switch (name) {
      case "1001", "1002" ->
          "pw".equals(password) ? Optional.of(new User(name, Role.AGENT)) : Optional.empty();
      case "crm" ->
          "crm-pw".equals(password)
              ? Optional.of(new User(name, Role.INTEGRATION))
              : Optional.empty();
      default -> Optional.empty();
    };
  }

  @Override
  public void subscribe(Consumer<CtiEvent> sink) {
    sinks.add(sink);
  }

  /** Publishes {@code message} to every subscriber, as the bridge would. */
  void publish(CtiEvent message) {
    sinks.forEach(sink -> sink.accept(message));
  }

  /**
   * {@code set-state} replies as done; {@code hangup} fails with {@code not-on-a-call}; {@code
   * hold} fails with an unexpected exception; the others reply with call {@code call-1}.
   */
  @Override
  public CompletableFuture<Reply> run(String agentId, CtiCommand command) {
    calls.add(new Call(agentId, command));
    return switch (command) {
      case CtiCommand.SetState s ->
          CompletableFuture.completedFuture(Reply.stateSet(agentId, s.state(), s.reason()));
      case CtiCommand.Hangup h ->
          CompletableFuture.failedFuture(
              new CtiCommandException("not-on-a-call", "agent " + agentId + " is not on a call"));
      case CtiCommand.Hold h -> CompletableFuture.failedFuture(new IllegalStateException("bug"));
      case CtiCommand.Unhold u -> CompletableFuture.completedFuture(Reply.held("call-1", false));
      case CtiCommand.WrapUp w ->
          CompletableFuture.completedFuture(Reply.wrappedUp(w.callId(), w.disposition()));
      case CtiCommand.Transfer t ->
          CompletableFuture.completedFuture(Reply.transferredToQueue("call-1", t.queue()));
      case CtiCommand.Dial d ->
          CompletableFuture.completedFuture(Reply.dialled("call-1", d.number()));
    };
  }

  /** An {@code agent-state} of {@code agentId}, now available. */
  static AgentStateChanged agentState(String agentId) {
    return new AgentStateChanged(
        agentId, "available", "logged_out", null, Instant.parse("2026-03-01T08:00:00Z"));
  }

  /** A {@code queue-stats} of {@code queue} with {@code waiting} callers. */
  static QueueStatsChanged queueStats(String queue, int waiting) {
    return new QueueStatsChanged(queue, waiting, 0, Map.of(), 0, 0, 0, 0, 0, 0, 1.0, 20);
  }

  /** A {@code screen-pop} of call {@code callId} for {@code agentId}, from a withheld number. */
  static ScreenPop screenPop(String agentId, String callId) {
    return new ScreenPop(
        agentId,
        callId,
        new ScreenPop.Caller(null, "Number withheld", null, "withheld"),
        null,
        "sales",
        null,
        0,
        List.of(),
        List.of(),
        false);
  }
}
