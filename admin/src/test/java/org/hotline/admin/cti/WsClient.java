package org.hotline.admin.cti;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hotline.admin.http.Json;

/**
 * A WebSocket client for tests (java.net.http): keeps the text messages it receives in order and
 * the close it gets. An eager client reads all the time; a lazy one reads nothing until told.
 */
final class WsClient implements WebSocket.Listener {
  /** The close frame the server sent. */
  record Close(int code, String reason) {}

  final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  final CompletableFuture<Close> closed = new CompletableFuture<>();
  private final boolean eager;
  private final StringBuilder partial = new StringBuilder();
  WebSocket socket;

  private WsClient(boolean eager) {
    this.eager = eager;
  }

  /** Connects to {@code uri} with {@code headers}; waits for the handshake. */
  static WsClient connect(HttpClient http, URI uri, Map<String, String> headers, boolean eager)
      throws Exception {
    WsClient client = new WsClient(eager);
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    headers.forEach(builder::header);
    client.socket = builder.buildAsync(uri, client).get(10, TimeUnit.SECONDS);
    return client;
  }

  /** The next text message as JSON, waiting up to 10 s. */
  JsonNode next() throws Exception {
    String text = messages.poll(10, TimeUnit.SECONDS);
    assertNotNull(text, "no message within 10 s");
    return Json.MAPPER.readTree(text);
  }

  /** The close the server sent, waiting up to 10 s. */
  Close close() throws Exception {
    return closed.get(10, TimeUnit.SECONDS);
  }

  /** Sends {@code text} as one text message. */
  void send(String text) throws Exception {
    socket.sendText(text, true).get(10, TimeUnit.SECONDS);
  }

  /** Starts reading, for a lazy client. */
  void readAll() {
    socket.request(Long.MAX_VALUE);
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    if (eager) {
      webSocket.request(Long.MAX_VALUE);
    }
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      messages.add(partial.toString());
      partial.setLength(0);
    }
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(new Close(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }
}
