package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IVR hands a caller to a named agent's phone, or to a number on the allow-list through the SIP
 * trunk (a SIPp phone standing in for the carrier), and bridges them.
 */
class TransferIT {
  @TempDir Path dir;

  private static final String FLOWS =
      """
      numbers:
        "101": to-agent
        "102": to-number
      transfer-allow: ["+862161234567"]
      flows:
        to-agent:
          - transfer: {to: "agent:1001", failed: [{hangup: {}}]}
        to-number:
          - transfer: {to: "number:+862161234567", failed: [{hangup: {}}]}
      """;

  @Test
  void toAnAgent_ringsTheirPhone_andBridgesTheCall() throws Exception {
    Path flows = Files.writeString(dir.resolve("flows.yaml"), FLOWS);
    try (RunningServer server = new RunningServer(Map.of("hotline.ivr.flows", flows.toString()))) {
      int phonePort = FreePorts.udpAndTcp();
      Sipp phone =
          Sipp.phone("uas-agent-answer.xml", phonePort, "-m", "1", "-timeout", "60s").start();
      Agents.register(server, 1, phonePort, "hotline");
      Sipp caller =
          Sipp.client(
              server,
              "uac-call-100-english-sales-expect-agent.xml",
              "101",
              "-m",
              "1",
              "-d",
              "3000",
              "-timeout",
              "60s");
      assertEquals(0, caller.run(60), caller.output());
      assertEquals(0, phone.await(30), phone.output());
      JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
      assertEquals("answered", cdr.get("outcome").asText(), cdr.toString());
      assertEquals("1001", cdr.get("agentId").asText(), cdr.toString());
    }
  }

  @Test
  void toAnAgentOnBreak_isUnreachableAtOnce_andTheirPhoneDoesNotRing() throws Exception {
    Path flows = Files.writeString(dir.resolve("flows.yaml"), FLOWS);
    try (RunningServer server = new RunningServer(Map.of("hotline.ivr.flows", flows.toString()));
        CtiClient desk = CtiClient.agent(server, "1001")) {
      // A registered phone that would never answer: ringing it would hold the caller for the ring
      // timeout.
      assertEquals(
          0,
          Agents.registration(server, "1001", "hotline", FreePorts.udpAndTcp()).start().await(30));
      assertEquals(
          "reply",
          desk.command("set-state", Map.of("state", "break", "reason", "lunch"))
              .get("type")
              .asText());
      Sipp caller =
          Sipp.client(
              server,
              "uac-call-100-english-sales-expect-bye.xml",
              "101",
              "-m",
              "1",
              "-timeout",
              "40s");
      assertEquals(0, caller.run(40), "the failed branch hung up: " + caller.output());
      JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
      assertTrue(cdr.get("agentId").isNull(), "no agent was rung: " + cdr);
      assertEquals("ivr-hangup", cdr.get("outcome").asText(), cdr.toString());
    }
  }

  @Test
  void toAnAllowedNumber_goesThroughTheTrunk() throws Exception {
    Path flows = Files.writeString(dir.resolve("flows.yaml"), FLOWS);
    int trunkPort = FreePorts.udpAndTcp();
    try (RunningServer server =
        new RunningServer(
            Map.of(
                "hotline.ivr.flows",
                flows.toString(),
                "hotline.sip.trunk",
                "127.0.0.1:" + trunkPort))) {
      Sipp trunk =
          Sipp.phone("uas-agent-answer.xml", trunkPort, "-m", "1", "-timeout", "60s").start();
      Sipp caller =
          Sipp.client(
              server,
              "uac-call-100-english-sales-expect-agent.xml",
              "102",
              "-m",
              "1",
              "-d",
              "3000",
              "-timeout",
              "60s");
      assertEquals(0, caller.run(60), caller.output());
      assertEquals(0, trunk.await(30), trunk.output());
      JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
      assertEquals("answered", cdr.get("outcome").asText(), cdr.toString());
      assertEquals("tel:+862161234567", cdr.get("agentId").asText(), cdr.toString());
    }
  }
}
