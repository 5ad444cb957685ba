package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hotline.admin.it.audio.RtpPcap;
import org.hotline.admin.it.audio.Sox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CTI bridge with the whole server: an agent's desktop logs in and opens /cti; a customer
 * from the directory calls, and the screen pop with the caller's city, carrier and customer
 * level arrives while the agent's phone rings, before the agent answers; the desktop stores a
 * wrap-up that shows on the CDR, and sets the agent's state.
 */
class CtiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void theScreenPopArrivesBeforeTheAgentAnswers_andTheWrapUpIsStoredOnTheCdr() throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.demo.agents", "1", "hotline.location.locale", "zh"))) {
      HttpResponse<String> created = post(server, "/api/customers",
          "{\"name\": \"王芳\", \"level\": \"VIP\", \"category\": \"retail\", \"phones\": [\"13800138000\"]}", null);
      assertEquals(201, created.statusCode(), created.body());
      HttpResponse<String> badLogin = post(server, "/api/login", "{\"user\": \"1001\", \"password\": \"wrong\"}", null);
      assertEquals(401, badLogin.statusCode());
      JsonNode login = JSON.readTree(post(server, "/api/login", "{\"user\": \"1001\", \"password\": \"hotline\"}", null).body());
      assertEquals("agent", login.get("role").asText());

      BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
      WebSocket socket = http.newWebSocketBuilder()
          .buildAsync(URI.create("ws://127.0.0.1:" + server.httpPort + "/cti?token=" + login.get("token").asText()), new Collector(frames))
          .get(10, TimeUnit.SECONDS);

      int phonePort = FreePorts.udpAndTcp();
      Sipp phone = Sipp.phone("uas-agent-answer.xml", phonePort, "-m", "1", "-timeout", "60s").start();
      Agents.register(server, 1, phonePort, "hotline");
      Sipp caller = Sipp.client(server, "uac-call-as-caller.xml", "200", "-key", "caller", "13800138000", "-m", "1",
          "-d", "3000", "-timeout", "60s").start();

      JsonNode pop = next(frames, "screen-pop");
      JsonNode connected = nextCallState(frames, "connected");
      // The screen pop came first: it was taken from the socket before the connected state.
      assertEquals(pop.get("callId").asText(), connected.get("callId").asText());
      assertEquals("北京市", pop.path("caller").path("location").asText().split(" ")[0], pop.toString());
      assertEquals("中国移动", pop.path("caller").path("carrier").asText(), pop.toString());
      assertEquals("VIP", pop.path("customer").path("level").asText(), pop.toString());
      assertEquals("王芳", pop.path("customer").path("name").asText(), pop.toString());
      assertEquals("support", pop.path("queue").asText(), pop.toString());

      String callId = pop.get("callId").asText();
      socket.sendText(JSON.writeValueAsString(Map.of(
          "type", "wrap-up", "id", "w1", "callId", callId, "disposition", "sale", "notes", "两台")), true).get(5, TimeUnit.SECONDS);
      JsonNode reply = next(frames, "reply");
      assertEquals("w1", reply.get("id").asText(), reply.toString());
      socket.sendText("{\"type\": \"dance\", \"id\": \"d1\"}", true).get(5, TimeUnit.SECONDS);
      assertEquals("unknown-command", next(frames, "error").get("code").asText());

      assertEquals(0, caller.await(60), caller.output());
      assertEquals(0, phone.await(30), phone.output());
      JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
      assertEquals("sale", cdr.get("disposition").asText(), cdr.toString());
      assertEquals("两台", cdr.get("notes").asText(), cdr.toString());
      assertTrue(cdr.get("region").asText().startsWith("北京"), cdr.toString());

      socket.sendText("{\"type\": \"set-state\", \"id\": \"s1\", \"state\": \"break\", \"reason\": \"lunch\"}", true)
          .get(5, TimeUnit.SECONDS);
      // The reply and the agent-state it causes come in either order.
      JsonNode stateReply = null;
      JsonNode state = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while ((stateReply == null || state == null) && System.nanoTime() < deadline) {
        JsonNode f = frames.poll(1, TimeUnit.SECONDS);
        if (f != null && f.path("type").asText().equals("reply")) {
          stateReply = f;
        } else if (f != null && f.path("type").asText().equals("agent-state") && f.path("state").asText().equals("break")) {
          state = f;
        }
      }
      assertEquals("s1", stateReply == null ? null : stateReply.get("id").asText(), "the reply to set-state");
      assertTrue(state != null, "no agent-state break within 30 s");
      assertEquals("lunch", state.get("reason").asText(), state.toString());
      System.out.println("screen pop, offer to message ready: "
          + server.counter("hotline_cti_screenpop_seconds_max") * 1000 + " ms max, "
          + server.counter("hotline_cti_screenpop_seconds_sum") * 1000 / Math.max(1, server.counter("hotline_cti_screenpop_seconds_count"))
          + " ms mean");
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
  }

  @Test
  void hangupFromTheDesktop_endsTheCallOnBothPhones() throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.demo.agents", "1"))) {
      JsonNode login = JSON.readTree(post(server, "/api/login", "{\"user\": \"1001\", \"password\": \"hotline\"}", null).body());
      BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
      WebSocket socket = http.newWebSocketBuilder()
          .buildAsync(URI.create("ws://127.0.0.1:" + server.httpPort + "/cti?token=" + login.get("token").asText()), new Collector(frames))
          .get(10, TimeUnit.SECONDS);
      int phonePort = FreePorts.udpAndTcp();
      Sipp phone = Sipp.phone("uas-agent-answer.xml", phonePort, "-m", "1", "-timeout", "60s").start();
      Agents.register(server, 1, phonePort, "hotline");
      RtpPcap.write(dir.resolve("caller.pcap"), Sox.toneUlaw(dir, 0, 440, 20_000), 0);
      Sipp caller = Sipp.client(server, "uac-call-play-pcap-expect-bye.xml", "200", "-m", "1", "-timeout", "60s").in(dir).start();

      String callId = nextCallState(frames, "connected").get("callId").asText();
      // The talking caller's SIPp waits for the BYE once its first half second has passed.
      Thread.sleep(1500);
      socket.sendText("{\"type\": \"hangup\", \"id\": \"h1\"}", true).get(5, TimeUnit.SECONDS);
      JsonNode reply = next(frames, "reply");
      assertEquals(callId, reply.get("callId").asText(), reply.toString());
      assertEquals(0, caller.await(30), "the caller got BYE: " + caller.output());
      assertEquals(0, phone.await(30), "the agent's phone got BYE: " + phone.output());
      assertEquals("agent-hangup", CallPathIT.awaitCdrs(server, 1).get(0).get("hangupCause").asText());

      socket.sendText("{\"type\": \"hangup\", \"id\": \"h2\"}", true).get(5, TimeUnit.SECONDS);
      assertEquals("not-on-a-call", next(frames, "error").get("code").asText());
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
  }

  @Test
  void aConnectionWithoutALogin_isClosedWith4401() throws Exception {
    try (RunningServer server = new RunningServer(Map.of())) {
      BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
      Collector collector = new Collector(frames);
      http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.httpPort + "/cti"), collector).get(10, TimeUnit.SECONDS);
      assertEquals(4401, collector.closeCode.poll(10, TimeUnit.SECONDS));
    }
  }

  /** The next frame of {@code type}, skipping others (queue figures, agent states); bounded. */
  private static JsonNode next(BlockingQueue<JsonNode> frames, String type) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      JsonNode f = frames.poll(1, TimeUnit.SECONDS);
      if (f != null && f.path("type").asText().equals(type)) {
        return f;
      }
    }
    throw new AssertionError("no " + type + " frame within 30 s");
  }

  private static JsonNode nextCallState(BlockingQueue<JsonNode> frames, String state) throws Exception {
    JsonNode f = next(frames, "call-state");
    while (!f.get("state").asText().equals(state)) {
      f = next(frames, "call-state");
    }
    return f;
  }

  private HttpResponse<String> post(RunningServer server, String path, String json, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort + path))
        .header("Content-Type", "application/json")
        .header("Authorization", token == null ? server.authorization() : "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(json));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Collects text frames as JSON, in order. */
  private static final class Collector implements WebSocket.Listener {
    final BlockingQueue<JsonNode> frames;
    final BlockingQueue<Integer> closeCode = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();

    Collector(BlockingQueue<JsonNode> frames) {
      this.frames = frames;
    }

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
      closeCode.add(statusCode);
      return null;
    }
  }
}
