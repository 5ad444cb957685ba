package org.hotline.admin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A session token in a URI never reaches the log. */
class LoggedUriTest {
  static final String SECRET = "s3cr3t-t0ken-value";

  @Test
  void aFailedWebSocketUpgrade_logsItsUri_withTheTokenRedacted() throws Exception {
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    Logger logger = (Logger) LoggerFactory.getLogger(HttpRequestHandler.class);
    logger.addAppender(logged);
    try (TestServer http =
        new TestServer(
            router ->
                router.webSocket(
                    "/cti",
                    Access.open(),
                    new TestWebSocket(
                        (pipeline, request) -> {
                          throw new IllegalStateException("the route broke");
                        })))) {
      try (Socket socket = new Socket("127.0.0.1", http.server.port())) {
        socket.setSoTimeout(5000);
        socket
            .getOutputStream()
            .write(
                ("GET /cti?lang=zh&token="
                        + SECRET
                        + " HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\n"
                        + "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
        socket.getInputStream().readAllBytes();
      } catch (IOException e) {
        // closed by the server: what is checked is the log
      }
    } finally {
      logger.detachAppender(logged);
    }

    String lines =
        String.join("\n", logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    assertTrue(lines.contains("/cti?lang=zh&token=***"), lines);
    assertFalse(lines.contains(SECRET), lines);
  }

  @Test
  void redact_hidesEveryTokenValue_andLeavesTheRest() {
    assertEquals("/cti?token=***", LoggedUri.redact("/cti?token=abc"));
    assertEquals("/cti?a=1&TOKEN=***&b=2", LoggedUri.redact("/cti?a=1&TOKEN=abc&b=2"));
    assertEquals("/cti?token=***&token=***", LoggedUri.redact("/cti?token=a&token=b"));
    assertEquals("/api/cdrs?from=2026-03-01", LoggedUri.redact("/api/cdrs?from=2026-03-01"));
    assertEquals("/x?mytoken=keep", LoggedUri.redact("/x?mytoken=keep"));
    assertEquals("bad %zz in token=***", LoggedUri.redact("bad %zz in token=abc"));
  }
}
