package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hotline.admin.it.audio.RtpPcap;
import org.hotline.admin.it.audio.Sox;
import org.hotline.admin.it.audio.ToneDetector;
import org.hotline.admin.it.audio.Wav;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Callers who cannot be served now: after hours they leave a message (kept with their voice, and
 * listed in the API), and a caller tired of waiting presses star and asks to be called back.
 */
class VoicemailIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double VOICE = 440;

  @TempDir Path dir;

  @Test
  void afterHours_aCallerLeavesAMessageByHangingUp_andItHoldsTheirVoice() throws Exception {
    try (RunningServer server = new RunningServer(Map.of(), RunningServer.AFTER_HOURS)) {
      // The caller talks (a 440 Hz tone) through the closed notice, the beep and the message.
      RtpPcap.write(dir.resolve("caller.pcap"), Sox.toneUlaw(dir, 500, VOICE, 40_000), 0);
      Sipp caller =
          Sipp.client(
                  server,
                  "uac-call-play-pcap-no-telephone-event.xml",
                  "100",
                  "-m",
                  "1",
                  "-d",
                  "35000",
                  "-timeout",
                  "90s")
              .in(dir);
      assertEquals(0, caller.run(60), caller.output());

      JsonNode message = awaitVoicemail(server);
      assertEquals("after-hours", message.get("box").asText(), message.toString());
      assertTrue(message.get("seconds").asDouble() >= 3, message.toString());
      assertHoldsTheVoice(server, message);
      JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
      assertEquals("caller-bye", cdr.get("hangupCause").asText(), cdr.toString());
    }
  }

  @Test
  void theVoicemailNumber_hashEndsTheMessage_andTheServerHangsUp() throws Exception {
    try (RunningServer server = new RunningServer(Map.of())) {
      byte[] voice = Sox.toneUlaw(dir, 500, VOICE, 11_000);
      byte[] hash = Sox.dtmfUlaw(dir, "#", 0, 150, 500);
      byte[] both = new byte[voice.length + hash.length];
      System.arraycopy(voice, 0, both, 0, voice.length);
      System.arraycopy(hash, 0, both, voice.length, hash.length);
      RtpPcap.write(dir.resolve("caller.pcap"), both, 0);
      Sipp caller =
          Sipp.client(
                  server,
                  "uac-call-play-pcap-no-telephone-event-expect-bye.xml",
                  "300",
                  "-m",
                  "1",
                  "-timeout",
                  "60s")
              .in(dir);
      assertEquals(0, caller.run(60), caller.output());

      JsonNode message = awaitVoicemail(server);
      assertEquals("general", message.get("box").asText(), message.toString());
      assertHoldsTheVoice(server, message);
      JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
      assertEquals("voicemail", cdr.get("hangupCause").asText(), cdr.toString());
    }
  }

  @Test
  void aWaitingCallerPressesStar_andIsCalledBackInTheirPlace() throws Exception {
    // SIPp's callers are 1380013<n>, shorter than a real mobile number: allowed by prefix.
    try (RunningServer server =
        new RunningServer(Map.of("hotline.dial.allow", "national,+8613800*"))) {
      // No agent: the caller waits in support, presses star after 5 s, then 1 for a callback.
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

      JsonNode callbacks = JSON.readTree(server.get("/api/callbacks"));
      assertEquals(1, callbacks.size(), callbacks.toString());
      JsonNode request = callbacks.get(0);
      assertEquals("support", request.get("queue").asText(), request.toString());
      assertTrue(request.get("number").asText().startsWith("1380013"), request.toString());
      assertTrue(
          java.time.Instant.parse(request.get("placeSince").asText())
              .isBefore(java.time.Instant.parse(request.get("requestedAt").asText())),
          "the callback keeps the place the caller had: " + request);
      JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
      assertEquals("callback", cdr.get("hangupCause").asText(), cdr.toString());
      assertEquals(1.0, server.counter("hotline_acd_calls_left_total"));
      assertEquals(0.0, server.counter("hotline_acd_calls_abandoned_total"));
    }
  }

  private static JsonNode awaitVoicemail(RunningServer server) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    JsonNode list = JSON.readTree(server.get("/api/voicemails"));
    while (list.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(200);
      list = JSON.readTree(server.get("/api/voicemails"));
    }
    assertEquals(1, list.size(), list.toString());
    return list.get(0);
  }

  private void assertHoldsTheVoice(RunningServer server, JsonNode message) throws Exception {
    Path wav =
        Files.write(dir.resolve("message.wav"), server.getBytes(message.get("audio").asText()));
    Wav.Pcm pcm = Wav.read(wav);
    assertEquals(8000, pcm.sampleRate());
    double share =
        new ToneDetector(8000)
            .toneFraction(
                pcm.samples(), pcm.sampleAt(0.5), pcm.sampleAt(pcm.seconds() - 0.5), VOICE);
    assertTrue(share > 0.8, "the caller's voice is in " + share + " of the message");
  }
}
