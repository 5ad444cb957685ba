package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When the agent whose turn it is does not take the call (busy, or rings out), the caller keeps
 * their place and the next agent gets the call; when the caller leaves while an agent's phone
 * rings, the ringing stops.
 */
class AgentNoAnswerIT {

  private static Sipp caller(RunningServer server, int talkMillis) {
    return Sipp.client(
        server,
        "uac-call-100-english-sales-expect-agent.xml",
        "100",
        "-m",
        "1",
        "-d",
        String.valueOf(talkMillis),
        "-timeout",
        "60s");
  }

  private static Sipp phone(String scenario, int port) {
    return Sipp.phone(scenario, port, "-m", "1", "-timeout", "60s");
  }

  private static void register(RunningServer server, String agent, int port) throws Exception {
    Sipp r = Agents.registration(server, agent, "hotline", port);
    assertEquals(0, r.run(30), r.output());
  }

  @Test
  void busyAgent_callGoesToTheNextAgent() throws Exception {
    try (RunningServer server = new RunningServer(Map.of())) {
      int busyPort = FreePorts.udpAndTcp();
      int freePort = FreePorts.udpAndTcp();
      Sipp busy = phone("uas-agent-busy-486.xml", busyPort).start();
      Sipp free = phone("uas-agent-answer.xml", freePort).start();
      register(server, "1001", busyPort);
      register(server, "1002", freePort);
      Sipp call = caller(server, 4000);
      assertEquals(0, call.run(60), call.output());
      assertEquals(0, busy.await(30), busy.output());
      assertEquals(0, free.await(30), free.output());
      JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
      assertEquals("answered", cdr.get("outcome").asText(), cdr.toString());
      assertEquals("1002", cdr.get("agentId").asText(), cdr.toString());
    }
  }

  @Test
  void agentWhoDoesNotPickUp_isCancelledAfterTheRingTimeout_andTheNextAgentAnswers()
      throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.acd.ring-timeout", "2"))) {
      firstAgentRingsOut_secondAnswers_withinSixSeconds(server);
      assertEquals(1.0, server.counter("hotline_sip_agent_not_answered_total"));
    }
  }

  @Test
  void theQueuesOwnRingTimeout_overTheServersDefault_decidesWhenTheNextAgentRings()
      throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.acd.ring-timeout", "60"))) {
      HttpResponse<String> set =
          server.send("PUT", "/api/queues/sales/settings", "{\"ringTimeoutSeconds\": 2}");
      assertEquals(200, set.statusCode(), set.body());
      assertEquals(
          400,
          server
              .send("PUT", "/api/queues/sales/settings", "{\"ringTimeoutSeconds\": 0}")
              .statusCode());
      // With the server's 60 s only the first phone would ring while the caller is there.
      firstAgentRingsOut_secondAnswers_withinSixSeconds(server);
    }
  }

  /**
   * Agent 1001's phone rings without answering and must be cancelled; agent 1002's answers. A sales
   * caller stays 6 s, and the call must end answered by 1002.
   */
  private static void firstAgentRingsOut_secondAnswers_withinSixSeconds(RunningServer server)
      throws Exception {
    int ringPort = FreePorts.udpAndTcp();
    int freePort = FreePorts.udpAndTcp();
    Sipp ringing = phone("uas-agent-ring-no-answer-expect-cancel.xml", ringPort).start();
    Sipp free = phone("uas-agent-answer.xml", freePort).start();
    register(server, "1001", ringPort);
    register(server, "1002", freePort);
    Sipp call = caller(server, 6000);
    assertEquals(0, call.run(60), call.output());
    assertEquals(0, ringing.await(30), ringing.output());
    assertEquals(0, free.await(30), free.output());
    JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
    assertEquals("answered", cdr.get("outcome").asText(), cdr.toString());
    assertEquals("1002", cdr.get("agentId").asText(), cdr.toString());
  }

  @Test
  void callerLeavingWhileTheAgentRings_cancelsTheAgentsPhone_andEndsAbandoned() throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.acd.ring-timeout", "30"))) {
      int ringPort = FreePorts.udpAndTcp();
      Sipp ringing = phone("uas-agent-ring-no-answer-expect-cancel.xml", ringPort).start();
      register(server, "1001", ringPort);
      Sipp call = caller(server, 2500);
      assertEquals(0, call.run(60), call.output());
      assertEquals(0, ringing.await(30), ringing.output());
      JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
      assertEquals("abandoned", cdr.get("outcome").asText(), cdr.toString());
      assertEquals("caller-bye", cdr.get("hangupCause").asText(), cdr.toString());
    }
  }

  @Test
  void options_isAnswered200() throws Exception {
    try (RunningServer server = new RunningServer(Map.of())) {
      Sipp options =
          new Sipp(
              "uac-options-expect-200.xml",
              "127.0.0.1:" + server.sipPort,
              "-p",
              String.valueOf(FreePorts.udpAndTcp()),
              "-m",
              "1",
              "-timeout",
              "20s");
      assertEquals(0, options.run(30), options.output());
    }
  }
}
