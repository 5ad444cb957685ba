package org.hotline.admin.cti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.hotline.core.time.ManualClock;
import org.hotline.core.user.Role;
import org.hotline.cti.bridge.CtiUsers.User;
import org.junit.jupiter.api.Test;

/** Closes reach the connection (Netty does not answer them): a client's close is answered once. */
class CtiConnectionCloseTest {
  final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T08:00:00Z"));
  final TokenService tokens = new TokenService(clock, Duration.ofHours(12));
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  EmbeddedChannel connected() {
    Session session = tokens.issue(new User("1001", Role.AGENT));
    CommandRunner runner =
        new CommandRunner((agentId, command) -> new CompletableFuture<>(), meters);
    return new EmbeddedChannel(
        new CtiConnection(session, tokens, runner, Runnable::run, Duration.ofHours(1), meters));
  }

  @Test
  void theClientsCloseIsEchoedOnce_andTheConnectionEnds() {
    EmbeddedChannel channel = connected();

    channel.writeInbound(new CloseWebSocketFrame(1000, "bye"));

    CloseWebSocketFrame echo = assertInstanceOf(CloseWebSocketFrame.class, channel.readOutbound());
    assertEquals(1000, echo.statusCode());
    echo.release();
    assertNull(channel.readOutbound(), "one close, no second");
    assertFalse(channel.isOpen());
  }
}
