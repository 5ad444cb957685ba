package org.hotline.admin.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An agent's desktop in a test: logs in with {@code POST /api/login}, keeps the {@code /cti}
 * WebSocket open, sends commands and hands out the frames it received, in order.
 */
final class CtiClient implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();

  /** Frames that came while a command waited for its answer, for {@link #next}. */
  private final java.util.Deque<JsonNode> aside = new java.util.ArrayDeque<>();

  private final BlockingQueue<Integer> closeCodes = new LinkedBlockingQueue<>();
  private final WebSocket socket;
  private int ids;

  private CtiClient(RunningServer server, String token) throws Exception {
    String query = token == null ? "" : "?token=" + token;
    socket =
        HTTP.newWebSocketBuilder()
            .buildAsync(
                URI.create("ws://127.0.0.1:" + server.httpPort + "/cti" + query), new Collector())
            .get(10, TimeUnit.SECONDS);
  }

  /** A connection with no login at all, as a page that never signed in would open it. */
  static CtiClient withoutLogin(RunningServer server) throws Exception {
    return new CtiClient(server, null);
  }

  /** A connection with the session {@code token} of a login. */
  static CtiClient withToken(RunningServer server, String token) throws Exception {
    return new CtiClient(server, token);
  }

  /** Logs agent {@code agentId} in with the demo password and opens their socket. */
  static CtiClient agent(RunningServer server, String agentId) throws Exception {
    HttpResponse<String> login =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"user\": \"" + agentId + "\", \"password\": \"hotline\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (login.statusCode() != 200) {
      throw new AssertionError(
          "login of " + agentId + ": " + login.statusCode() + " " + login.body());
    }
    return new CtiClient(server, JSON.readTree(login.body()).get("token").asText());
  }

  /**
   * Sends command {@code type} with {@code args} and waits for its answer.
   *
   * @return the {@code reply} or {@code error} frame with this command's id
   */
  JsonNode command(String type, Map<String, Object> args) throws Exception {
    String id = "c" + (++ids);
    Map<String, Object> frame = new java.util.LinkedHashMap<>(args);
    frame.put("type", type);
    frame.put("id", id);
    socket.sendText(JSON.writeValueAsString(frame), true).get(5, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      JsonNode f = frames.poll(1, TimeUnit.SECONDS);
      if (f != null
          && (f.path("type").asText().equals("reply") || f.path("type").asText().equals("error"))
          && f.path("id").asText().equals(id)) {
        return f;
      }
      if (f != null) {
        aside.add(f);
      }
    }
    throw new AssertionError("no answer to " + type + " within 30 s");
  }

  /** The next frame of {@code type}, skipping others; bounded. */
  JsonNode next(String type) throws Exception {
    while (!aside.isEmpty()) {
      JsonNode f = aside.poll();
      if (f.path("type").asText().equals(type)) {
        return f;
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      JsonNode f = frames.poll(1, TimeUnit.SECONDS);
      if (f != null && f.path("type").asText().equals(type)) {
        return f;
      }
    }
    throw new AssertionError("no " + type + " frame within 30 s");
  }

  /** The next {@code call-state} frame in {@code state}, skipping others; bounded. */
  JsonNode nextCallState(String state) throws Exception {
    JsonNode f = next("call-state");
    while (!f.get("state").asText().equals(state)) {
      f = next("call-state");
    }
    return f;
  }

  /** The code the server closed the connection with; bounded. */
  int closeCode() throws InterruptedException {
    Integer code = closeCodes.poll(10, TimeUnit.SECONDS);
    if (code == null) {
      throw new AssertionError("the server did not close the connection within 10 s");
    }
    return code;
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
  }

  /** Collects text frames as JSON, in order. */
  private final class Collector implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          frames.add(JSON.readTree(partial.toString()));
        } catch (Exception e) {
          throw new IllegalStateException("not JSON: " + partial, e);
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      closeCodes.add(statusCode);
      return null;
    }
  }
}
