package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.hotline.admin.it.audio.RtpPcap;
import org.hotline.admin.it.audio.Sox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CTI bridge with the whole server: an agent's desktop logs in and opens /cti; a customer from
 * the directory calls, and the screen pop with the caller's city, carrier and customer level
 * arrives while the agent's phone rings, before the agent answers; the desktop stores a wrap-up
 * that shows on the CDR, and sets the agent's state.
 */
class CtiIT {
  @TempDir Path dir;

  @Test
  void theScreenPopArrivesBeforeTheAgentAnswers_andTheWrapUpIsStoredOnTheCdr() throws Exception {
    try (RunningServer server =
        new RunningServer(Map.of("hotline.demo.agents", "1", "hotline.location.locale", "zh"))) {
      HttpResponse<String> created =
          server.send(
              "POST",
              "/api/customers",
              "{\"name\": \"王芳\", \"level\": \"VIP\", \"category\": \"retail\", \"phones\": [\"13800138000\"]}");
      assertEquals(201, created.statusCode(), created.body());
      assertEquals(
          401,
          server
              .send("POST", "/api/login", "{\"user\": \"1001\", \"password\": \"wrong\"}")
              .statusCode());
      JsonNode login =
          CtiClient.JSON.readTree(
              server
                  .send("POST", "/api/login", "{\"user\": \"1001\", \"password\": \"hotline\"}")
                  .body());
      assertEquals("agent", login.get("role").asText());

      try (CtiClient desk = CtiClient.agent(server, "1001")) {
        Sipp phone = agentPhone(server, "uas-agent-answer.xml");
        Sipp caller = customerCalls(server, "3000");

        JsonNode pop = popBeforeConnected(desk);
        assertEquals(
            "北京市", pop.path("caller").path("location").asText().split(" ")[0], pop.toString());
        assertEquals("中国移动", pop.path("caller").path("carrier").asText(), pop.toString());
        assertEquals("VIP", pop.path("customer").path("level").asText(), pop.toString());
        assertEquals("王芳", pop.path("customer").path("name").asText(), pop.toString());
        assertEquals("support", pop.path("queue").asText(), pop.toString());

        String callId = pop.get("callId").asText();
        JsonNode reply =
            desk.command("wrap-up", Map.of("callId", callId, "disposition", "sale", "notes", "两台"));
        assertEquals("reply", reply.get("type").asText(), reply.toString());
        assertEquals("unknown-command", desk.command("dance", Map.of()).get("code").asText());

        assertEquals(0, caller.await(60), caller.output());
        assertEquals(0, phone.await(30), phone.output());
        JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
        assertEquals("sale", cdr.get("disposition").asText(), cdr.toString());
        assertEquals("两台", cdr.get("notes").asText(), cdr.toString());
        assertTrue(cdr.get("region").asText().startsWith("北京"), cdr.toString());

        JsonNode breakReply =
            desk.command("set-state", Map.of("state", "break", "reason", "lunch"));
        assertEquals("reply", breakReply.get("type").asText(), breakReply.toString());
        JsonNode state = desk.next("agent-state");
        while (!state.get("state").asText().equals("break")) {
          state = desk.next("agent-state");
        }
        assertEquals("lunch", state.get("reason").asText(), state.toString());
        System.out.println(
            "screen pop, offer to message ready: "
                + server.counter("hotline_cti_screenpop_seconds_max") * 1000
                + " ms max, "
                + server.counter("hotline_cti_screenpop_seconds_sum")
                    * 1000
                    / Math.max(1, server.counter("hotline_cti_screenpop_seconds_count"))
                + " ms mean");
      }
    }
  }

  @Test
  void onAFreshServer_theScreenPopComesBeforeThePhoneThatAnswersAtOnce() throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.demo.agents", "1"));
        CtiClient desk = CtiClient.agent(server, "1001")) {
      Sipp phone = agentPhone(server, "uas-agent-answer-at-once.xml");
      Sipp caller = customerCalls(server, "1000");

      JsonNode pop = popBeforeConnected(desk);
      assertEquals(false, pop.path("lookupFailed").asBoolean(), pop.toString());
      assertEquals(0, caller.await(60), caller.output());
      assertEquals(0, phone.await(30), phone.output());
    }
  }

  @Test
  void hangupFromTheDesktop_endsTheCallOnBothPhones() throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.demo.agents", "1"));
        CtiClient desk = CtiClient.agent(server, "1001")) {
      int phonePort = FreePorts.udpAndTcp();
      Sipp phone =
          Sipp.phone("uas-agent-answer.xml", phonePort, "-m", "1", "-timeout", "60s").start();
      Agents.register(server, 1, phonePort, "hotline");
      RtpPcap.write(dir.resolve("caller.pcap"), Sox.toneUlaw(dir, 0, 440, 20_000), 0);
      Sipp caller =
          Sipp.client(
                  server, "uac-call-play-pcap-expect-bye.xml", "200", "-m", "1", "-timeout", "60s")
              .in(dir)
              .start();

      String callId = desk.nextCallState("connected").get("callId").asText();
      // The talking caller's SIPp waits for the BYE once its first half second has passed.
      Thread.sleep(1500);
      JsonNode reply = desk.command("hangup", Map.of());
      assertEquals(callId, reply.get("callId").asText(), reply.toString());
      assertEquals(0, caller.await(30), "the caller got BYE: " + caller.output());
      assertEquals(0, phone.await(30), "the agent's phone got BYE: " + phone.output());
      assertEquals(
          "agent-hangup", CallPathIT.awaitCdrs(server, 1).get(0).get("hangupCause").asText());

      assertEquals("not-on-a-call", desk.command("hangup", Map.of()).get("code").asText());
    }
  }

  @Test
  void aConnectionWithoutALogin_isClosedWith4401() throws Exception {
    try (RunningServer server = new RunningServer(Map.of());
        CtiClient anonymous = CtiClient.withoutLogin(server)) {
      assertEquals(4401, anonymous.closeCode());
    }
  }

  /** Agent 1001's phone, answering as {@code scenario} does, registered. */
  private static Sipp agentPhone(RunningServer server, String scenario) throws Exception {
    int phonePort = FreePorts.udpAndTcp();
    Sipp phone = Sipp.phone(scenario, phonePort, "-m", "1", "-timeout", "60s").start();
    Agents.register(server, 1, phonePort, "hotline");
    return phone;
  }

  /** The customer 13800138000 calls 200 and talks {@code talkMillis} once answered. */
  private static Sipp customerCalls(RunningServer server, String talkMillis) throws Exception {
    return Sipp.client(
            server,
            "uac-call-as-caller.xml",
            "200",
            "-key",
            "caller",
            "13800138000",
            "-m",
            "1",
            "-d",
            talkMillis,
            "-timeout",
            "60s")
        .start();
  }

  /**
   * The next screen-pop, and that the call's connected state came after it (one before it is
   * skipped, and the wait fails).
   */
  private static JsonNode popBeforeConnected(CtiClient desk) throws Exception {
    JsonNode pop = desk.next("screen-pop");
    JsonNode connected = desk.nextCallState("connected");
    assertEquals(pop.get("callId").asText(), connected.get("callId").asText());
    return pop;
  }
}
