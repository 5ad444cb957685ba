package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The whole call path with independent SIP clients: SIPp agents register and answer; SIPp callers
 * dial 100, press 1 by RFC 4733 events, talk and hang up; every call leaves a CDR.
 */
class CallPathIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void twoHundredCalls_atTwentyPerSecond_allAnsweredByAgents_with200Cdrs() throws Exception {
    int calls = 200;
    int agents = 120;
    try (RunningServer server =
        new RunningServer(Map.of("hotline.demo.agents", String.valueOf(agents)))) {
      int agentPort = FreePorts.udpAndTcp();
      Sipp phones =
          Sipp.phone(
                  "uas-agent-answer.xml",
                  agentPort,
                  "-m",
                  String.valueOf(calls),
                  "-timeout",
                  "120s")
              .start();
      try {
        Agents.register(server, agents, agentPort, "hotline");
        Sipp callers =
            Sipp.client(
                server,
                "uac-call-100-english-sales-expect-agent.xml",
                "100",
                "-r",
                "20",
                "-m",
                String.valueOf(calls),
                "-l",
                String.valueOf(calls),
                "-d",
                "6000",
                "-timeout",
                "120s");
        assertEquals(0, callers.run(150), callers.output());
      } finally {
        phones.stop();
      }
      JsonNode cdrs = awaitCdrs(server, calls);
      Map<String, Integer> byOutcome = new HashMap<>();
      Set<String> agentsUsed = new HashSet<>();
      for (JsonNode cdr : cdrs) {
        byOutcome.merge(cdr.get("outcome").asText(), 1, Integer::sum);
        agentsUsed.add(cdr.path("agentId").asText());
        assertEquals("1", cdr.path("ivrChoice").asText(), cdr.toString());
        assertEquals("sales", cdr.path("queue").asText(), cdr.toString());
      }
      assertEquals(Map.of("answered", calls), byOutcome);
      assertTrue(agentsUsed.size() > 10, "calls spread over agents: " + agentsUsed.size());
    }
  }

  @Test
  void callersWhoHangUpWhileQueued_endAbandoned() throws Exception {
    try (RunningServer server = new RunningServer(Map.of())) {
      Sipp callers =
          Sipp.client(
              server,
              "uac-call-100-english-sales-expect-agent.xml",
              "100",
              "-r",
              "5",
              "-m",
              "5",
              "-d",
              "7000",
              "-timeout",
              "60s");
      assertEquals(0, callers.run(90), callers.output());
      JsonNode cdrs = awaitCdrs(server, 5);
      for (JsonNode cdr : cdrs) {
        assertEquals("abandoned", cdr.get("outcome").asText(), cdr.toString());
        assertEquals("sales", cdr.path("queue").asText(), cdr.toString());
      }
    }
  }

  @Test
  void keyPressedBySipInfo_reachesTheIvr_andTheCallIsAnsweredFromItsQueue() throws Exception {
    try (RunningServer server = new RunningServer(Map.of())) {
      int phonePort = FreePorts.udpAndTcp();
      Sipp phone =
          Sipp.phone("uas-agent-answer.xml", phonePort, "-m", "1", "-timeout", "60s").start();
      Agents.register(server, 1, phonePort, "hotline");
      Sipp caller =
          Sipp.client(
              server,
              "uac-call-100-info-dtmf-support-technical-expect-agent.xml",
              "100",
              "-m",
              "1",
              "-d",
              "3000",
              "-timeout",
              "60s");
      assertEquals(0, caller.run(60), caller.output());
      assertEquals(0, phone.await(30), phone.output());
      JsonNode cdr = awaitCdrs(server, 1).get(0);
      assertEquals("answered", cdr.get("outcome").asText(), cdr.toString());
      assertEquals("2>1", cdr.get("ivrChoice").asText(), cdr.toString());
      assertEquals("support", cdr.get("queue").asText(), cdr.toString());
    }
  }

  @Test
  void unknownNumber_gets404() throws Exception {
    try (RunningServer server = new RunningServer(Map.of())) {
      Sipp caller =
          Sipp.client(
              server,
              "uac-call-unknown-number-expect-404.xml",
              "999",
              "-m",
              "1",
              "-timeout",
              "20s");
      assertEquals(0, caller.run(30), caller.output());
    }
  }

  @Test
  void offerWithNoCommonCodec_gets488_andNoCdr() throws Exception {
    try (RunningServer server = new RunningServer(Map.of())) {
      Sipp caller =
          Sipp.client(
              server, "uac-call-100-g729-only-expect-488.xml", "100", "-m", "1", "-timeout", "20s");
      assertEquals(0, caller.run(30), caller.output());
      assertEquals(1.0, server.counter("hotline_sip_invites_rejected_total{status=\"488\"}"));
      assertEquals(0.0, server.counter("hotline_calls_active"));
    }
  }

  @Test
  void callerWhoFallsSilentWithoutBye_isEndedAfterTheRtpTimeout_withACdr() throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.rtp.timeout", "2"))) {
      // Sends its key as RTP, then nothing, and never hangs up: it waits for the server's BYE.
      Sipp caller =
          Sipp.client(
              server,
              "uac-call-100-english-sales-expect-bye.xml",
              "100",
              "-m",
              "1",
              "-timeout",
              "30s");
      assertEquals(0, caller.run(40), caller.output());
      JsonNode cdr = awaitCdrs(server, 1).get(0);
      assertEquals("rtp-timeout", cdr.get("hangupCause").asText(), cdr.toString());
      assertEquals("abandoned", cdr.get("outcome").asText(), cdr.toString());
      assertEquals(0.0, server.counter("hotline_calls_active"));
    }
  }

  /** Polls /api/cdrs until {@code n} CDRs are there (bounded), and returns them. */
  static JsonNode awaitCdrs(RunningServer server, int n) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    JsonNode cdrs = JSON.readTree(server.get("/api/cdrs"));
    while (cdrs.size() < n && System.nanoTime() < deadline) {
      Thread.sleep(200);
      cdrs = JSON.readTree(server.get("/api/cdrs"));
    }
    assertEquals(n, cdrs.size(), "CDRs: " + cdrs);
    return cdrs;
  }
}
