package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.hotline.admin.it.audio.RtpPcap;
import org.hotline.admin.it.audio.Sox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo IVR as SIPp callers meet it: keys sent as audio tones, wrong keys and silence, hold and
 * resume, and a phone that falls silent in the middle of a conversation.
 */
class IvrIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PCMU = 0;

  @TempDir Path dir;

  private Sipp agentPhone(RunningServer server, String agent) throws Exception {
    int port = FreePorts.udpAndTcp();
    Sipp phone = Sipp.phone("uas-agent-answer.xml", port, "-m", "1", "-timeout", "90s").start();
    Sipp r = Agents.registration(server, agent, "hotline", port);
    assertEquals(0, r.run(30), r.output());
    return phone;
  }

  private void callerPlays(byte[] ulaw) throws Exception {
    RtpPcap.write(dir.resolve("caller.pcap"), ulaw, PCMU);
  }

  @Test
  void keysSentAsTones_byACallerWithoutTelephoneEvent_areUnderstood() throws Exception {
    try (RunningServer server = new RunningServer(Map.of())) {
      Sipp phone = agentPhone(server, "1001");
      // English (2), then sales (1), as in-band DTMF the way an old analogue gateway sends them.
      callerPlays(Sox.dtmfUlaw(dir, "21", 1000, 120, 400));
      Sipp caller =
          Sipp.client(
                  server,
                  "uac-call-play-pcap-no-telephone-event.xml",
                  "100",
                  "-m",
                  "1",
                  "-d",
                  "6000",
                  "-timeout",
                  "60s")
              .in(dir);
      assertEquals(0, caller.run(60), caller.output());
      assertEquals(0, phone.await(30), phone.output());
      JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
      assertEquals("answered", cdr.get("outcome").asText(), cdr.toString());
      assertEquals("1", cdr.get("ivrChoice").asText(), cdr.toString());
      assertEquals("sales", cdr.get("queue").asText(), cdr.toString());
    }
  }

  @Test
  void aWrongKeyThenSilence_endsInTheDefaultQueue() throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.ivr.menu-timeout", "1"))) {
      Sipp phone = agentPhone(server, "1001");
      // English (2), then 7, which the main menu does not have, then nothing.
      callerPlays(Sox.dtmfUlaw(dir, "27", 1000, 120, 400));
      Sipp caller =
          Sipp.client(
                  server,
                  "uac-call-play-pcap-no-telephone-event.xml",
                  "100",
                  "-m",
                  "1",
                  "-d",
                  "40000",
                  "-timeout",
                  "90s")
              .in(dir);
      assertEquals(0, caller.run(90), caller.output());
      assertEquals(0, phone.await(30), phone.output());
      JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
      assertEquals("answered", cdr.get("outcome").asText(), cdr.toString());
      assertEquals("default", cdr.get("ivrChoice").asText(), cdr.toString());
      assertEquals("support", cdr.get("queue").asText(), cdr.toString());
    }
  }

  @Test
  void holdAndResumeByReInvite_areAnswered_andCounted() throws Exception {
    try (RunningServer server = new RunningServer(Map.of())) {
      Sipp phone = agentPhone(server, "1001");
      callerPlays(Sox.toneUlaw(dir, 0, 440, 15_000));
      Sipp caller =
          Sipp.client(
                  server,
                  "uac-call-hold-resume.xml",
                  "200",
                  "-m",
                  "1",
                  "-d",
                  "3000",
                  "-timeout",
                  "60s")
              .in(dir);
      assertEquals(0, caller.run(60), caller.output());
      assertEquals(0, phone.await(30), phone.output());
      JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
      assertEquals("answered", cdr.get("outcome").asText(), cdr.toString());
      assertEquals("caller-bye", cdr.get("hangupCause").asText(), cdr.toString());
      assertEquals(1.0, server.counter("hotline_calls_holds_total"));
      assertEquals(2.0, server.counter("hotline_sip_reinvites_total"));
    }
  }

  @Test
  void anAgentPhoneThatFallsSilent_endsTheCall_withACdr() throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.rtp.timeout", "2"))) {
      // The agent's phone answers and then sends no RTP at all; the caller keeps talking.
      Sipp phone = agentPhone(server, "1001");
      callerPlays(Sox.toneUlaw(dir, 0, 440, 30_000));
      Sipp caller =
          Sipp.client(
                  server, "uac-call-play-pcap-expect-bye.xml", "200", "-m", "1", "-timeout", "60s")
              .in(dir);
      assertEquals(0, caller.run(60), caller.output());
      assertEquals(0, phone.await(30), phone.output());
      JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
      assertEquals("answered", cdr.get("outcome").asText(), cdr.toString());
      assertEquals("agent-rtp-timeout", cdr.get("hangupCause").asText(), cdr.toString());
      assertTrue(cdr.get("talkSeconds").asInt() < 10, cdr.toString());
      assertEquals(0.0, server.counter("hotline_calls_active"));
    }
  }
}
