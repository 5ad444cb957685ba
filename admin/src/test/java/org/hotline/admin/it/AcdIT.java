package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.admin.it.audio.RtpPcap;
import org.hotline.admin.it.audio.Sox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routing as callers and agents see it, with SIPp phones: fairness among agents, VIPs first, a
 * queue that gives its callers back after their longest wait, a callback that calls back, and
 * agents changing their state from their phones.
 */
class AcdIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void fiveAgentsThirtyCallers_noAgentGetsASecondCallWhileAnotherIsIdle() throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.demo.agents", "5"))) {
      int phonePort = FreePorts.udpAndTcp();
      Sipp phones =
          Sipp.phone("uas-agent-answer.xml", phonePort, "-m", "30", "-timeout", "120s").start();
      Agents.register(server, 5, phonePort, "hotline");
      Sipp callers =
          Sipp.client(
              server,
              "uac-call-100-english-sales-expect-agent.xml",
              "200",
              "-r",
              "4",
              "-m",
              "30",
              "-l",
              "30",
              "-d",
              "4000",
              "-timeout",
              "120s");
      assertEquals(0, callers.run(150), callers.output());
      assertEquals(0, phones.await(30), phones.output());
      JsonNode cdrs = CallPathIT.awaitCdrs(server, 30);
      Map<String, Integer> perAgent = new HashMap<>();
      for (JsonNode cdr : cdrs) {
        assertEquals("answered", cdr.get("outcome").asText(), cdr.toString());
        perAgent.merge(cdr.get("agentId").asText(), 1, Integer::sum);
      }
      assertEquals(5, perAgent.size(), "every agent took calls: " + perAgent);

      // Replay the agents' state changes: whenever an agent is reserved for a call, every other
      // agent then available became available after it (it was the longest idle).
      var rows =
          server
              .server
              .database()
              .dsl()
              .resultQuery("select agent_id, to_state, at from agent_event order by at, id")
              .fetch();
      Map<String, Instant> availableSince = new HashMap<>();
      List<String> violations = new ArrayList<>();
      for (var row : rows) {
        String agent = row.get(0, String.class);
        String to = row.get(1, String.class);
        Instant at = row.get(2, java.time.OffsetDateTime.class).toInstant();
        if (to.equals("AVAILABLE")) {
          availableSince.put(agent, at);
        } else {
          Instant mine = availableSince.remove(agent);
          if (to.equals("RESERVED") && mine != null) {
            availableSince.forEach(
                (other, since) -> {
                  if (since.isBefore(mine)) {
                    violations.add(
                        agent
                            + " (idle since "
                            + mine
                            + ") got a call while "
                            + other
                            + " was idle since "
                            + since);
                  }
                });
          }
        }
      }
      assertTrue(violations.isEmpty(), String.join("\n", violations));
    }
  }

  @Test
  void aVipCaller_isAnsweredBeforeCallersWhoCameEarlier() throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.demo.agents", "1"))) {
      HttpResponse<String> created =
          post(
              server,
              "/api/customers",
              "{\"name\": \"Ms. Important\", \"level\": \"VIP\", \"phones\": [\"13800138000\"]}");
      assertEquals(201, created.statusCode(), created.body());
      // Three ordinary callers wait in support; then the VIP calls 100, goes through the welcome
      // and the language choice, and is recognised.
      Sipp early =
          Sipp.client(
                  server,
                  "uac-call-100-english-sales-expect-agent.xml",
                  "200",
                  "-r",
                  "10",
                  "-m",
                  "3",
                  "-l",
                  "3",
                  "-d",
                  "40000",
                  "-timeout",
                  "90s")
              .start();
      awaitWaiting(server, "support", 3);
      Sipp vip =
          Sipp.client(
                  server,
                  "uac-call-as-caller.xml",
                  "100",
                  "-key",
                  "caller",
                  "13800138000",
                  "-m",
                  "1",
                  "-d",
                  "20000",
                  "-timeout",
                  "90s")
              .start();
      awaitWaiting(server, "vip", 1);
      int phonePort = FreePorts.udpAndTcp();
      Sipp phone =
          Sipp.phone("uas-agent-answer.xml", phonePort, "-m", "4", "-timeout", "90s").start();
      Agents.register(server, 1, phonePort, "hotline");
      assertEquals(0, vip.await(60), vip.output());
      early.await(90);
      phone.stop();

      JsonNode vipCdr = null;
      List<Instant> others = new ArrayList<>();
      for (JsonNode cdr : CallPathIT.awaitCdrs(server, 4)) {
        if (cdr.get("caller").asText().equals("13800138000")) {
          vipCdr = cdr;
        } else if (cdr.get("outcome").asText().equals("answered")) {
          others.add(connectedAt(cdr));
        }
      }
      assertTrue(
          vipCdr != null && vipCdr.get("outcome").asText().equals("answered"),
          "the VIP was answered: " + vipCdr);
      assertEquals("vip", vipCdr.get("queue").asText());
      // One agent: whoever came first was answered first. The VIP's call ended before any other
      // was answered (CDR times are to the second).
      Instant vipEnded = Instant.parse(vipCdr.get("endedAt").asText());
      assertTrue(!others.isEmpty(), "the agent took earlier callers after the VIP");
      for (Instant other : others) {
        assertTrue(
            !other.isBefore(vipEnded.minusSeconds(1)),
            "an earlier caller was answered at "
                + other
                + ", before the VIP's call ended at "
                + vipEnded);
      }
    }
  }

  @Test
  void aQueueGivesItsCallersBackAfterTheLongestWait_andTheFlowGoesOn() throws Exception {
    Path flows =
        Files.writeString(
            dir.resolve("flows.yaml"),
            """
        numbers:
          "100": front
        queues:
          sales: {}
        flows:
          front:
            - enqueue: sales
            - voicemail: general
        """);
    try (RunningServer server =
        new RunningServer(
            Map.of("hotline.ivr.flows", flows.toString(), "hotline.acd.max-wait", "3"))) {
      // No agent is logged in; the caller talks all along and ends up leaving a message.
      RtpPcap.write(dir.resolve("caller.pcap"), Sox.toneUlaw(dir, 0, 440, 25_000), 0);
      Sipp caller =
          Sipp.client(
                  server,
                  "uac-call-play-pcap-no-telephone-event.xml",
                  "100",
                  "-m",
                  "1",
                  "-d",
                  "20000",
                  "-timeout",
                  "60s")
              .in(dir);
      assertEquals(0, caller.run(60), caller.output());
      JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
      assertEquals("sales", cdr.get("queue").asText(), cdr.toString());
      assertEquals(
          1,
          JSON.readTree(server.get("/api/voicemails")).size(),
          "the caller left a message after the queue gave up");
      assertEquals(1.0, server.counter("hotline_acd_calls_given_back_total{reason=\"max-wait\"}"));
    }
  }

  @Test
  void
      aQueueSetInTheConsoleToOverflow_passesItsCallerOnAfterTheLongestWait_toAnAgentOfTheOtherQueue()
          throws Exception {
    Path flows =
        Files.writeString(
            dir.resolve("flows.yaml"),
            """
        numbers:
          "100": front
        queues:
          sales: {}
          support: {}
        flows:
          front:
            - enqueue: sales
            - voicemail: general
        """);
    try (RunningServer server =
        new RunningServer(
            Map.of("hotline.ivr.flows", flows.toString(), "hotline.demo.enabled", "false"))) {
      HttpResponse<String> agent =
          server.send(
              "PUT",
              "/api/agents/2001",
              "{\"password\": \"agent-pw-2001\", \"queues\": {\"support\": 1}}");
      assertEquals(201, agent.statusCode(), agent.body());
      HttpResponse<String> set =
          server.send(
              "PUT",
              "/api/queues/sales/settings",
              "{\"maxWaitSeconds\": 2, \"overflow\": \"support\"}");
      assertEquals(200, set.statusCode(), set.body());
      assertEquals("support", JSON.readTree(set.body()).get("overflow").asText());
      assertEquals(
          400,
          server
              .send("PUT", "/api/queues/sales/settings", "{\"overflow\": \"sales\"}")
              .statusCode(),
          "a queue does not overflow to itself");

      // The only agent serves support; the caller dials into sales, waits its 2 s, and is answered
      // in support instead of going on to the voicemail after the enqueue.
      int phonePort = FreePorts.udpAndTcp();
      Sipp phone =
          Sipp.phone("uas-agent-answer.xml", phonePort, "-m", "1", "-timeout", "60s").start();
      assertEquals(0, Agents.registration(server, "2001", "agent-pw-2001", phonePort).run(30));
      Sipp caller =
          Sipp.client(
              server,
              "uac-call-as-caller.xml",
              "100",
              "-key",
              "caller",
              "13800138000",
              "-m",
              "1",
              "-d",
              "6000",
              "-timeout",
              "60s");
      assertEquals(0, caller.run(60), caller.output());
      assertEquals(0, phone.await(30), phone.output());

      JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
      assertEquals("answered", cdr.get("outcome").asText(), cdr.toString());
      assertEquals("2001", cdr.get("agentId").asText(), cdr.toString());
      assertEquals("support", cdr.get("queue").asText(), cdr.toString());
      assertTrue(
          cdr.get("waitSeconds").asLong() >= 2, "the wait counts from joining sales: " + cdr);
      assertEquals(
          0,
          JSON.readTree(server.get("/api/voicemails")).size(),
          "the flow did not go on to the voicemail");
      assertEquals(1.0, server.counter("hotline_acd_calls_overflowed_total{reason=\"max-wait\"}"));
      assertEquals(0.0, server.counter("hotline_acd_calls_given_back_total{reason=\"max-wait\"}"));
      JsonNode sales = null;
      for (JsonNode q : JSON.readTree(server.get("/api/queues"))) {
        if (q.get("queue").asText().equals("sales")) {
          sales = q;
        }
      }
      assertTrue(sales != null, "sales is listed");
      assertEquals(1, sales.get("overflowedToday").asInt(), sales.toString());
    }
  }

  @Test
  void aCallbackCallsTheCustomerBack_throughTheTrunk_whenAnAgentIsFree() throws Exception {
    int trunkPort = FreePorts.udpAndTcp();
    // SIPp's callers are 1380013<n>, shorter than a real mobile number: allowed by prefix.
    try (RunningServer server =
        new RunningServer(
            Map.of(
                "hotline.sip.trunk",
                "127.0.0.1:" + trunkPort,
                "hotline.dial.allow",
                "national,+8613800*"))) {
      // No agent yet: the caller waits in support, presses star, then 1 for a callback.
      RtpPcap.write(dir.resolve("caller.pcap"), Sox.dtmfUlaw(dir, "*1", 5000, 150, 600), 0);
      Sipp caller =
          Sipp.client(
                  server,
                  "uac-call-play-pcap-no-telephone-event-expect-bye.xml",
                  "200",
                  "-m",
                  "1",
                  "-timeout",
                  "60s")
              .in(dir);
      assertEquals(0, caller.run(60), caller.output());
      assertEquals(1, JSON.readTree(server.get("/api/callbacks")).size());

      // An agent becomes free: their phone rings first, then the customer's (the trunk), who
      // talks and hangs up.
      Sipp customer =
          Sipp.phone(
                  "uas-answer-then-hang-up.xml",
                  trunkPort,
                  "-m",
                  "1",
                  "-d",
                  "3000",
                  "-timeout",
                  "60s")
              .start();
      int phonePort = FreePorts.udpAndTcp();
      Sipp phone =
          Sipp.phone("uas-agent-answer.xml", phonePort, "-m", "1", "-timeout", "60s").start();
      Agents.register(server, 1, phonePort, "hotline");
      assertEquals(0, customer.await(60), customer.output());
      assertEquals(0, phone.await(30), phone.output());

      JsonNode callback = null;
      for (JsonNode cdr : CallPathIT.awaitCdrs(server, 2)) {
        if (cdr.get("dialed").asText().equals("callback")) {
          callback = cdr;
        }
      }
      assertTrue(callback != null, "a CDR for the callback");
      assertEquals("answered", callback.get("outcome").asText(), callback.toString());
      assertEquals("1001", callback.get("agentId").asText(), callback.toString());
      assertTrue(callback.get("caller").asText().startsWith("1380013"), callback.toString());
      assertEquals("support", callback.get("queue").asText(), callback.toString());
      assertEquals(
          0, JSON.readTree(server.get("/api/callbacks")).size(), "no callback pending any more");
    }
  }

  @Test
  void featureCodes_setTheAgentsStateFromTheirPhone() throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.demo.agents", "1"))) {
      int phonePort = FreePorts.udpAndTcp();
      Agents.register(server, 1, phonePort, "hotline");
      assertEquals("available", agentState(server, "1001"));

      dial(server, "*22", "hotline");
      assertEquals("break", awaitState(server, "1001", "break"));
      dial(server, "*21", "hotline");
      assertEquals("available", awaitState(server, "1001", "available"));

      Sipp wrong = featureCode(server, "*23", "not-the-password");
      assertTrue(wrong.run(30) != 0, "a wrong password is refused");
      assertEquals("available", agentState(server, "1001"));
      assertEquals(2.0, server.counter("hotline_sip_feature_codes_total{result=\"ok\"}"));
      assertEquals(1.0, server.counter("hotline_sip_feature_codes_total{result=\"refused\"}"));
    }
  }

  /** When an answered call was connected: its end less its talk time. */
  private static Instant connectedAt(JsonNode cdr) {
    return Instant.parse(cdr.get("endedAt").asText()).minusSeconds(cdr.get("talkSeconds").asLong());
  }

  private Sipp featureCode(RunningServer server, String code, String password) {
    return Sipp.client(
        server,
        "uac-feature-code.xml",
        code,
        "-key",
        "user",
        "1001",
        "-au",
        "1001",
        "-ap",
        password,
        "-m",
        "1",
        "-timeout",
        "20s");
  }

  private void dial(RunningServer server, String code, String password) throws Exception {
    Sipp sipp = featureCode(server, code, password);
    assertEquals(0, sipp.run(30), sipp.output());
  }

  private static String agentState(RunningServer server, String agent) throws Exception {
    for (JsonNode a : JSON.readTree(server.get("/api/agents"))) {
      if (a.get("id").asText().equals(agent)) {
        return a.get("state").asText();
      }
    }
    throw new AssertionError("no agent " + agent);
  }

  private static String awaitState(RunningServer server, String agent, String state)
      throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    String now = agentState(server, agent);
    while (!now.equals(state) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      now = agentState(server, agent);
    }
    return now;
  }

  private static void awaitWaiting(RunningServer server, String queue, int n) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (JsonNode q : JSON.readTree(server.get("/api/queues"))) {
        if (q.path("queue").asText().equals(queue) && q.path("waiting").asInt() >= n) {
          return;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        n + " calls did not come to wait in " + queue + ": " + server.get("/api/queues"));
  }

  private HttpResponse<String> post(RunningServer server, String path, String json)
      throws Exception {
    return http.send(
        server
            .request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
