package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.admin.it.audio.RtpPcap;
import org.hotline.admin.it.audio.Sox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call commands of the CTI bridge with the whole server and SIPp phones: hold and resume from
 * the desktop, blind transfers to a queue and to an agent (two CDRs, one per agent), and
 * click-to-call through the trunk, to the numbers {@code hotline.dial.allow} allows only.
 */
class CtiCallControlIT {
  @TempDir Path dir;

  /**
   * Agent {@code agentId}'s phone: a SIPp running {@code scenario} for {@code calls} calls,
   * registered.
   */
  private static Sipp phone(
      RunningServer server, String agentId, String scenario, String calls, String... more)
      throws Exception {
    int port = FreePorts.udpAndTcp();
    List<String> args = new ArrayList<>(List.of("-m", calls, "-timeout", "60s"));
    args.addAll(List.of(more));
    Sipp phone = Sipp.phone(scenario, port, args.toArray(String[]::new)).start();
    assertEquals(
        0,
        Agents.registration(server, agentId, "hotline", port).start().await(30),
        agentId + " registers");
    return phone;
  }

  /** A caller who talks (a tone) for 20 s and waits for the server's BYE. */
  private Sipp talkingCaller(RunningServer server, String number) throws Exception {
    RtpPcap.write(dir.resolve("caller.pcap"), Sox.toneUlaw(dir, 0, 440, 20_000), 0);
    return Sipp.client(
            server, "uac-call-play-pcap-expect-bye.xml", number, "-m", "1", "-timeout", "60s")
        .in(dir)
        .start();
  }

  @Test
  void holdAndResume_fromTheDesktop_areToldAndCountedOnTheCdr() throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.demo.agents", "1"));
        CtiClient desk = CtiClient.agent(server, "1001")) {
      Sipp phone = phone(server, "1001", "uas-agent-answer.xml", "1");
      Sipp caller = talkingCaller(server, "200");

      String callId = desk.nextCallState("connected").get("callId").asText();
      JsonNode held = desk.command("hold", Map.of());
      assertEquals("reply", held.get("type").asText(), held.toString());
      assertEquals(callId, held.get("callId").asText(), held.toString());
      assertEquals(callId, desk.nextCallState("held").get("callId").asText());
      assertEquals(
          "reply",
          desk.command("hold", Map.of()).get("type").asText(),
          "holding a held call changes nothing");
      Thread.sleep(2_200); // time on hold, to be seen on the CDR
      assertEquals("reply", desk.command("unhold", Map.of()).get("type").asText());
      assertEquals(callId, desk.nextCallState("connected").get("callId").asText());
      assertEquals("reply", desk.command("hangup", Map.of()).get("type").asText());

      assertEquals(0, caller.await(30), caller.output());
      assertEquals(0, phone.await(30), phone.output());
      JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
      assertTrue(cdr.get("holdSeconds").asLong() >= 2, cdr.toString());
      assertTrue(
          cdr.get("talkSeconds").asLong() >= cdr.get("holdSeconds").asLong(), cdr.toString());
      assertEquals(
          1.0, server.counter("hotline_calls_holds_total"), "one hold, however often asked");
      assertEquals("not-on-a-call", desk.command("hold", Map.of()).get("code").asText());
    }
  }

  @Test
  void blindTransferToAQueue_endsTheAgentsPart_andTheNextAgentAnswers() throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.demo.agents", "2"));
        CtiClient first = CtiClient.agent(server, "1001");
        CtiClient second = CtiClient.agent(server, "1002")) {
      Sipp firstPhone = phone(server, "1001", "uas-agent-answer.xml", "1");
      Sipp caller = talkingCaller(server, "200");
      String callId = first.nextCallState("connected").get("callId").asText();

      Sipp secondPhone = phone(server, "1002", "uas-answer-then-hang-up.xml", "1", "-d", "1000");
      assertEquals(
          "unknown-queue",
          first.command("transfer", Map.of("queue", "nowhere")).get("code").asText());
      assertEquals("bad-argument", first.command("transfer", Map.of()).get("code").asText());

      JsonNode reply = first.command("transfer", Map.of("queue", "billing"));
      assertEquals(callId, reply.path("callId").asText(), reply.toString());
      assertEquals("answered", first.nextCallState("ended").get("outcome").asText());
      JsonNode pop = second.next("screen-pop");
      assertEquals("billing", pop.get("queue").asText(), pop.toString());
      assertEquals(callId + "#2", pop.get("callId").asText(), pop.toString());
      second.nextCallState("connected");

      assertEquals(0, caller.await(40), caller.output());
      assertEquals(
          0, firstPhone.await(30), "the first agent's phone got BYE: " + firstPhone.output());
      assertEquals(0, secondPhone.await(30), secondPhone.output());
      JsonNode cdrs = CallPathIT.awaitCdrs(server, 2);
      JsonNode part1 =
          cdrs.get(0).get("callId").asText().equals(callId) ? cdrs.get(0) : cdrs.get(1);
      JsonNode part2 = part1 == cdrs.get(0) ? cdrs.get(1) : cdrs.get(0);
      assertEquals("1001", part1.get("agentId").asText(), part1.toString());
      assertEquals("transferred", part1.get("hangupCause").asText(), part1.toString());
      assertEquals("support", part1.get("queue").asText(), part1.toString());
      assertEquals(callId + "#2", part2.get("callId").asText(), part2.toString());
      assertEquals("1002", part2.get("agentId").asText(), part2.toString());
      assertEquals("billing", part2.get("queue").asText(), part2.toString());
      assertEquals("answered", part2.get("outcome").asText(), part2.toString());
    }
  }

  @Test
  void blindTransferToAnAgent_ringsThem_andRefusesAnAgentWhoCannotTakeIt() throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.demo.agents", "3"));
        CtiClient first = CtiClient.agent(server, "1001");
        CtiClient second = CtiClient.agent(server, "1002")) {
      Sipp firstPhone = phone(server, "1001", "uas-agent-answer.xml", "1");
      Sipp caller = talkingCaller(server, "200");
      String callId = first.nextCallState("connected").get("callId").asText();

      assertEquals(
          "agent-unavailable",
          first.command("transfer", Map.of("agent", "1001")).get("code").asText(),
          "not to oneself");
      assertEquals(
          "agent-unavailable",
          first.command("transfer", Map.of("agent", "1003")).get("code").asText(),
          "1003 has no phone");
      assertEquals(
          "agent-unavailable",
          first.command("transfer", Map.of("agent", "9999")).get("code").asText(),
          "no such agent");
      Sipp secondPhone = phone(server, "1002", "uas-answer-then-hang-up.xml", "1", "-d", "1000");

      JsonNode reply = first.command("transfer", Map.of("agent", "1002"));
      assertEquals("reply", reply.get("type").asText(), reply.toString());
      JsonNode pop = second.next("screen-pop");
      assertEquals(callId + "#2", pop.get("callId").asText(), pop.toString());
      second.nextCallState("connected");

      assertEquals(0, caller.await(40), caller.output());
      assertEquals(0, firstPhone.await(30), firstPhone.output());
      assertEquals(0, secondPhone.await(30), secondPhone.output());
      JsonNode cdrs = CallPathIT.awaitCdrs(server, 2);
      JsonNode part2 =
          cdrs.get(0).get("callId").asText().equals(callId) ? cdrs.get(1) : cdrs.get(0);
      assertEquals("1002", part2.get("agentId").asText(), part2.toString());
      assertEquals("answered", part2.get("outcome").asText(), part2.toString());
    }
  }

  @Test
  void aTransferTheAgentLetsRingOut_putsTheCallerBackInTheirQueue() throws Exception {
    Map<String, String> config =
        Map.of(
            "hotline.demo.agents",
            "2",
            "hotline.acd.ring-timeout",
            "PT2S",
            "hotline.acd.max-missed",
            "1");
    try (RunningServer server = new RunningServer(config);
        CtiClient first = CtiClient.agent(server, "1001")) {
      Sipp firstPhone = phone(server, "1001", "uas-agent-answer.xml", "2");
      Sipp caller = talkingCaller(server, "200");
      String callId = first.nextCallState("connected").get("callId").asText();
      Sipp secondPhone = phone(server, "1002", "uas-agent-ring-no-answer-expect-cancel.xml", "1");

      assertEquals(
          "reply", first.command("transfer", Map.of("agent", "1002")).get("type").asText());
      assertEquals(
          0, secondPhone.await(30), "1002's phone rang and was cancelled: " + secondPhone.output());
      // Back in support, where 1001 is the one agent available now (1002 missed it: a break).
      JsonNode again = first.next("screen-pop");
      assertEquals(callId + "#2", again.get("callId").asText(), again.toString());
      first.nextCallState("connected");
      assertEquals("reply", first.command("hangup", Map.of()).get("type").asText());

      assertEquals(0, caller.await(30), caller.output());
      assertEquals(0, firstPhone.await(30), firstPhone.output());
      JsonNode cdrs = CallPathIT.awaitCdrs(server, 2);
      JsonNode part2 =
          cdrs.get(0).get("callId").asText().equals(callId) ? cdrs.get(1) : cdrs.get(0);
      assertEquals("1001", part2.get("agentId").asText(), part2.toString());
      assertEquals("support", part2.get("queue").asText(), part2.toString());
      assertEquals("agent-hangup", part2.get("hangupCause").asText(), part2.toString());
      JsonNode agents = CtiClient.JSON.readTree(server.get("/api/agents"));
      JsonNode second =
          agents.get(0).get("id").asText().equals("1002") ? agents.get(0) : agents.get(1);
      assertEquals(
          "break",
          second.get("state").asText(),
          "a transfer let ring out is a missed offer: " + agents);
    }
  }

  @Test
  void clickToCall_ringsTheAgentThenTheNumberThroughTheTrunk() throws Exception {
    int trunkPort = FreePorts.udpAndTcp();
    try (RunningServer server =
            new RunningServer(
                Map.of("hotline.demo.agents", "1", "hotline.sip.trunk", "127.0.0.1:" + trunkPort));
        CtiClient desk = CtiClient.agent(server, "1001")) {
      assertEquals(
          "not-available",
          desk.command("dial", Map.of("number", "13800138000")).get("code").asText(),
          "an agent without a registered phone is logged out");
      Sipp phone = phone(server, "1001", "uas-agent-answer.xml", "1");
      Sipp trunk =
          Sipp.phone(
                  "uas-answer-then-hang-up.xml",
                  trunkPort,
                  "-m",
                  "1",
                  "-d",
                  "1500",
                  "-timeout",
                  "60s")
              .start();
      try (CtiClient later = CtiClient.agent(server, "1001")) {
        assertEquals(
            "available",
            later.next("agent-state").get("state").asText(),
            "a desktop that connects hears the state at once");
        assertTrue(later.next("queue-stats").has("queue"), "and the queues' figures");
      }

      JsonNode reply = desk.command("dial", Map.of("number", "138 0013 8000"));
      assertEquals("reply", reply.get("type").asText(), reply.toString());
      String callId = reply.get("callId").asText();
      JsonNode pop = desk.next("screen-pop");
      assertEquals(callId, pop.get("callId").asText(), pop.toString());
      assertEquals(
          "not-available",
          desk.command("dial", Map.of("number", "13900139000")).get("code").asText(),
          "busy dialling");
      assertEquals(callId, desk.nextCallState("connected").get("callId").asText());

      assertEquals(0, trunk.await(30), "the number answered and hung up: " + trunk.output());
      assertEquals(0, phone.await(30), "the agent's phone got BYE: " + phone.output());
      JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
      assertEquals(callId, cdr.get("callId").asText(), cdr.toString());
      assertEquals("outbound", cdr.get("dialed").asText(), cdr.toString());
      assertEquals("13800138000", cdr.get("caller").asText(), cdr.toString());
      assertEquals("1001", cdr.get("agentId").asText(), cdr.toString());
      assertEquals("answered", cdr.get("outcome").asText(), cdr.toString());
      assertEquals("available", agentState(server), "the agent is free again after the call");
    }
  }

  @Test
  void
      dial_toANumberOutsideTheDialPolicy_isRefusedWithItsReason_countedAndAudited_whileANationalNumberIsPlaced()
          throws Exception {
    int trunkPort = FreePorts.udpAndTcp();
    try (RunningServer server =
            new RunningServer(
                Map.of("hotline.demo.agents", "1", "hotline.sip.trunk", "127.0.0.1:" + trunkPort));
        CtiClient desk = CtiClient.agent(server, "1001")) {
      Sipp phone = phone(server, "1001", "uas-agent-answer.xml", "1");
      Sipp trunk =
          Sipp.phone(
                  "uas-answer-then-hang-up.xml",
                  trunkPort,
                  "-m",
                  "1",
                  "-d",
                  "500",
                  "-timeout",
                  "60s")
              .start();
      assertEquals("available", agentState(server), "registered, the agent may dial");

      JsonNode international = desk.command("dial", Map.of("number", "+1 202 555 0123"));
      assertEquals(
          "dial-not-allowed", international.path("code").asText(), international.toString());
      assertEquals(
          "+12025550123 is an international fixed-line or mobile number (US), which hotline.dial.allow does not allow"
              + " (national,!premium)",
          international.get("message").asText());
      JsonNode premium = desk.command("dial", Map.of("number", "16812345"));
      assertEquals(
          "dial-not-allowed",
          premium.path("code").asText(),
          "a premium-rate number at home: " + premium);

      JsonNode national = desk.command("dial", Map.of("number", "13800138000"));
      assertEquals(
          "reply", national.get("type").asText(), "the refusals reserved no one: " + national);
      assertEquals(
          national.get("callId").asText(), desk.nextCallState("connected").get("callId").asText());
      assertEquals(
          0, trunk.await(30), "only the national number reached the trunk: " + trunk.output());
      assertEquals(0, phone.await(30), phone.output());

      assertEquals(2.0, server.counter("hotline_dial_refused_total{site=\"desk\"}"));
      List<String> audited = new ArrayList<>();
      for (JsonNode entry : CtiClient.JSON.readTree(server.get("/api/audit")).get("items")) {
        if (entry.get("action").asText().equals("dial refused")) {
          audited.add(
              entry.get("actor").asText()
                  + " "
                  + entry.get("role").asText()
                  + " "
                  + entry.get("object").asText());
        }
      }
      assertEquals(
          List.of("1001 agent 16812345", "1001 agent +12025550123"), audited, "newest first");
    }
  }

  /** Agent 1001's routing state, once the ACD has taken the call's end (bounded). */
  private static String agentState(RunningServer server) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    String state = "";
    while (System.nanoTime() < deadline) {
      state = CtiClient.JSON.readTree(server.get("/api/agents")).get(0).get("state").asText();
      if (state.equals("available")) {
        break;
      }
      Thread.sleep(100);
    }
    return state;
  }

  @Test
  void dialWithoutATrunk_hasNoRoute() throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.demo.agents", "1"));
        CtiClient desk = CtiClient.agent(server, "1001")) {
      assertEquals(
          "no-route", desk.command("dial", Map.of("number", "13800138000")).get("code").asText());
      assertEquals(
          "bad-argument",
          desk.command("dial", Map.of("number", "sip:evil@example.com")).get("code").asText());
    }
  }
}
