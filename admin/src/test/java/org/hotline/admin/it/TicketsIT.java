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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Tickets with the whole server: agent 1001's desktop logs in, a customer calls, and while the call
 * is on the desktop opens a ticket about it with its session cookie, linked to the customer through
 * the call; writes without a session, or with the cookie from another site's page, are refused;
 * after the call a ticket about it finds the customer through its CDR; and the customer's next call
 * pops both tickets, newest first.
 */
class TicketsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CALLER = "13800138000";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aTicketOpenedDuringACall_isOnTheCustomersNextScreenPop() throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.demo.agents", "1"))) {
      HttpResponse<String> customer =
          server.send(
              "POST",
              "/api/customers",
              "{\"name\": \"Wang Fang\", \"level\": \"VIP\", \"category\": \"retail\", \"phones\": [\""
                  + CALLER
                  + "\"]}");
      assertEquals(201, customer.statusCode(), customer.body());
      long customerId = JSON.readTree(customer.body()).get("id").asLong();
      HttpResponse<String> login =
          send(server, "POST", "/api/login", "{\"user\": \"1001\", \"password\": \"hotline\"}");
      assertEquals(200, login.statusCode(), login.body());
      String token = JSON.readTree(login.body()).get("token").asText();
      String csrf = JSON.readTree(login.body()).get("csrfToken").asText();
      String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      assertEquals("hotline_session=" + token, cookie);

      Inbox frames = new Inbox();
      WebSocket socket =
          http.newWebSocketBuilder()
              .buildAsync(
                  URI.create("ws://127.0.0.1:" + server.httpPort + "/cti?token=" + token), frames)
              .get(10, TimeUnit.SECONDS);
      int phonePort = FreePorts.udpAndTcp();
      Sipp phone =
          Sipp.phone("uas-agent-answer.xml", phonePort, "-m", "2", "-timeout", "60s").start();
      Agents.register(server, 1, phonePort, "hotline");

      Sipp first = call(server, "3000");
      JsonNode firstPop = frames.take("screen-pop", f -> true);
      assertEquals(customerId, firstPop.path("customer").path("id").asLong(), firstPop.toString());
      assertEquals(0, firstPop.get("tickets").size(), firstPop.toString());
      String firstCall = firstPop.get("callId").asText();
      frames.take(
          "call-state",
          f ->
              f.get("callId").asText().equals(firstCall)
                  && f.get("state").asText().equals("connected"));

      // No CDR yet: the ticket finds its customer through the call on now.
      assertEquals(0, JSON.readTree(server.get("/api/cdrs")).size(), "the first call is still on");
      String ticket =
          "{\"title\": \"Parcel arrived broken\", \"description\": \"send a new one\", \"callId\": \""
              + firstCall
              + "\"}";
      HttpResponse<String> anonymous = send(server, "POST", "/api/tickets", ticket);
      assertEquals(401, anonymous.statusCode(), anonymous.body());
      assertTrue(JSON.readTree(anonymous.body()).has("error"), anonymous.body());
      HttpResponse<String> crossSite =
          send(
              server,
              "POST",
              "/api/tickets",
              ticket,
              "Cookie",
              cookie,
              "X-CSRF-Token",
              csrf,
              "Origin",
              "https://evil.example");
      assertEquals(403, crossSite.statusCode(), crossSite.body());
      HttpResponse<String> forged =
          send(
              server,
              "POST",
              "/api/tickets",
              ticket,
              "Cookie",
              cookie,
              "Origin",
              "http://127.0.0.1:" + server.httpPort);
      assertEquals(
          403, forged.statusCode(), "a cookie write without the CSRF token: " + forged.body());
      HttpResponse<String> opened =
          send(
              server,
              "POST",
              "/api/tickets",
              ticket,
              "Cookie",
              cookie,
              "X-CSRF-Token",
              csrf,
              "Origin",
              "http://127.0.0.1:" + server.httpPort);
      assertEquals(201, opened.statusCode(), opened.body());
      JsonNode during = JSON.readTree(opened.body());
      assertEquals(customerId, during.get("customerId").asLong(), during.toString());
      assertEquals("+86" + CALLER, during.get("caller").asText(), during.toString());
      assertEquals("1001", during.get("createdBy").asText(), during.toString());
      assertEquals(
          1,
          JSON.readTree(server.get("/api/tickets?customerId=" + customerId)).get("total").asInt());

      assertEquals(0, first.await(60), first.output());
      CallPathIT.awaitCdrs(server, 1);
      HttpResponse<String> after =
          send(
              server,
              "POST",
              "/api/tickets",
              "{\"title\": \"Call back about the refund\", \"status\": \"pending\", \"callId\": \""
                  + firstCall
                  + "\"}",
              "Authorization",
              "Bearer " + token);
      assertEquals(201, after.statusCode(), after.body());
      JsonNode fromCdr = JSON.readTree(after.body());
      assertEquals(customerId, fromCdr.get("customerId").asLong(), fromCdr.toString());

      Sipp second = call(server, "1000");
      JsonNode secondPop =
          frames.take("screen-pop", f -> !f.get("callId").asText().equals(firstCall));
      assertEquals(false, secondPop.get("lookupFailed").asBoolean(), secondPop.toString());
      JsonNode tickets = secondPop.get("tickets");
      assertEquals(2, tickets.size(), secondPop.toString());
      assertEquals(
          fromCdr.get("id").asLong(), tickets.get(0).get("id").asLong(), tickets.toString());
      assertEquals("pending", tickets.get(0).get("status").asText(), tickets.toString());
      JsonNode popped = tickets.get(1);
      assertEquals(during.get("id").asLong(), popped.get("id").asLong(), tickets.toString());
      assertEquals("Parcel arrived broken", popped.get("title").asText());
      assertEquals("open", popped.get("status").asText());
      assertEquals("1001", popped.get("createdBy").asText());
      assertEquals(firstCall, popped.get("callId").asText());
      assertEquals(during.get("createdAt").asText(), popped.get("createdAt").asText());

      System.out.println(
          "screen pop with tickets, offer to message ready: "
              + server.counter("hotline_cti_screenpop_seconds_max") * 1000
              + " ms max, "
              + server.counter("hotline_cti_screenpop_seconds_sum")
                  * 1000
                  / Math.max(1, server.counter("hotline_cti_screenpop_seconds_count"))
              + " ms mean");
      assertEquals(0, second.await(60), second.output());
      assertEquals(0, phone.await(30), phone.output());
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
  }

  /** A call from the customer's number to 200 (the support queue) that talks for {@code millis}. */
  private static Sipp call(RunningServer server, String millis) throws Exception {
    return Sipp.client(
            server,
            "uac-call-as-caller.xml",
            "200",
            "-key",
            "caller",
            CALLER,
            "-m",
            "1",
            "-d",
            millis,
            "-timeout",
            "60s")
        .start();
  }

  private HttpResponse<String> send(
      RunningServer server, String method, String path, String json, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The CTI frames as they arrive, taken by type in any order: the screen-pop is built off the
   * call's path and may come after the call-state {@code connected} on a busy machine.
   */
  private static final class Inbox implements WebSocket.Listener {
    private final BlockingQueue<JsonNode> arrived = new LinkedBlockingQueue<>();
    private final List<JsonNode> notTaken = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();

    /**
     * The first frame not taken yet of {@code type} that {@code which} accepts; waits 30 s at most.
     */
    JsonNode take(String type, Predicate<JsonNode> which) throws InterruptedException {
      Predicate<JsonNode> wanted = f -> f.path("type").asText().equals(type) && which.test(f);
      for (Iterator<JsonNode> it = notTaken.iterator(); it.hasNext(); ) {
        JsonNode f = it.next();
        if (wanted.test(f)) {
          it.remove();
          return f;
        }
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        JsonNode f = arrived.poll(1, TimeUnit.SECONDS);
        if (f != null && wanted.test(f)) {
          return f;
        }
        if (f != null) {
          notTaken.add(f);
        }
      }
      throw new AssertionError("no such " + type + " frame within 30 s; not taken: " + notTaken);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          arrived.add(JSON.readTree(partial.toString()));
        } catch (Exception e) {
          throw new IllegalStateException("not JSON: " + partial, e);
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }
}
