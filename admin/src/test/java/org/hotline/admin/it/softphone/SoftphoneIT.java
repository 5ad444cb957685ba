package org.hotline.admin.it.softphone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.hotline.admin.it.ExternalTool;
import org.hotline.admin.it.RunningServer;
import org.hotline.admin.it.audio.ToneDetector;
import org.hotline.admin.it.audio.Wav;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call between two real softphones (two baresip processes on 127.0.0.1) through a real Hotline
 * server: the caller hears the IVR and walks its two menus with RFC 4733 events (2 English, 2
 * support, 1 technical), is queued to {@code support} and bridged to agent 1001's softphone, which
 * rings and answers by itself; each side hears the other's tone through the server's RTP relay,
 * also when one phone speaks PCMA and the other PCMU; the caller hangs up and the call leaves one
 * CDR. A caller waiting in a queue hears where they stand.
 *
 * <p>The phones "speak" WAV files (the caller a 440 Hz tone, the agent 1000 Hz) and record what
 * they receive; the test finds the tones with {@link ToneDetector}. Every wait is for an event, a
 * file or a CDR, bounded. Baresip's folders, logs and recordings stay in the temporary folder when
 * the test fails.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class SoftphoneIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "hotline";
  private static final String CALLER_NUMBER = "5550123";
  private static final int RATE = 8000;
  private static final double CALLER_TONE = 440;
  private static final double AGENT_TONE = 1000;

  /** Longer than any run of the test: baresip's aufile ends the call when its file ends. */
  private static final double SOURCE_SECONDS = 120;

  /**
   * The first seconds of the call, before the caller presses a key: the welcome prompt (1.55 s) and
   * the start of the menu. Every half second of it must be heard.
   */
  private static final double PROMPT_FROM = 0.1;

  private static final double PROMPT_TO = 2.6;
  private static final double PROMPT_BLOCK = 0.5;

  /**
   * When the caller starts pressing keys, in seconds of audio received: inside the language prompt,
   * which follows the welcome (1.55 s); each key is type-ahead for the next menu.
   */
  private static final double PRESS_AT = 2.8;

  /** The keys: 2 English, 2 support, 1 technical; and the time between two keys. */
  private static final String KEYS = "221";

  private static final long KEY_GAP_MILLIS = 500;

  /** How much bridged audio each side must have received before the caller hangs up. */
  private static final double TALK = 2.5;

  /** Left out at the start of the bridged audio (both legs settling) and before its end. */
  private static final double SETTLE = 0.5;

  private static final double TAIL = 0.3;

  /**
   * The position announcement test: how often, when the hold prompt is over, how long to listen.
   */
  private static final int ANNOUNCE_EVERY = 3;

  private static final double AFTER_HOLD_PROMPT = 4.0;
  private static final double WAIT_HEARD = 14.0;
  private static final double QUIET_RMS = 0.002;

  private static final double MIN_PROMPT_RMS =
      0.02; // about -34 dBFS; the prompts' half seconds are above 0.06
  private static final double MIN_TONE_FRACTION = 0.8;
  private static final double MAX_STRAY_FRACTION = 0.1;

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  private final Deque<AutoCloseable> open = new ArrayDeque<>();

  @AfterEach
  void closeEverything() throws Exception {
    Exception first = null;
    while (!open.isEmpty()) {
      try {
        open.pop().close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Test
  void callerSoftphone_hearsPrompt_walksTheMenus_talksBothWaysWithAgentSoftphone_andLeavesOneCdr()
      throws Exception {
    callThroughTheIvr("", "");
  }

  @Test
  void aPcmaCaller_talksBothWaysWithAPcmuAgent() throws Exception {
    callThroughTheIvr(";audio_codecs=PCMA", ";audio_codecs=PCMU");
  }

  /**
   * One call from a caller softphone to an agent softphone through the IVR.
   *
   * @param callerCodecs and {@code agentCodecs}: baresip account parameters restricting each
   *     phone's codecs, or empty for both G.711 laws
   */
  private void callThroughTheIvr(String callerCodecs, String agentCodecs) throws Exception {
    ExternalTool.require("baresip", "baresip");
    RunningServer server = opened(new RunningServer(Map.of()));
    Path callerVoice = dir.resolve("caller-440hz.wav");
    Path agentVoice = dir.resolve("agent-1000hz.wav");
    Wav.writeTone(callerVoice, RATE, CALLER_TONE, SOURCE_SECONDS, 0.3);
    Wav.writeTone(agentVoice, RATE, AGENT_TONE, SOURCE_SECONDS, 0.3);

    // The agent's softphone registers itself with its password, as the README tells agents to;
    // a registered agent is ready.
    Baresip agent =
        opened(
            Baresip.start(
                "agent 1001",
                dir.resolve("agent"),
                "<sip:1001@127.0.0.1:"
                    + server.sipPort
                    + ">;auth_pass="
                    + PASSWORD
                    + ";regint=60;answermode=auto"
                    + agentCodecs,
                agentVoice));
    awaitRegistered(server, agent);
    Baresip caller =
        opened(
            Baresip.start(
                "caller",
                dir.resolve("caller"),
                "<sip:" + CALLER_NUMBER + "@127.0.0.1>;regint=0" + callerCodecs,
                callerVoice));

    // 1. The caller dials 100 and hears the welcome prompt.
    caller.command("dial", "sip:100@127.0.0.1:" + server.sipPort);
    caller.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10));

    // 2. Inside the language prompt the caller presses 2, 2, 1 (English, support, technical);
    // the call is queued to support and the agent's phone rings and answers.
    caller.awaitReceived(PRESS_AT, Duration.ofSeconds(10));
    for (char key : KEYS.toCharArray()) {
      caller.command("sndcode", String.valueOf(key));
      Thread.sleep(KEY_GAP_MILLIS);
    }
    JsonNode answered = agent.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(20));
    double callerBridgedAt = caller.receivedSeconds();
    assertEquals("incoming", answered.path("direction").asText(), answered.toString());
    assertTrue(
        answered.path("peeruri").asText().contains(CALLER_NUMBER),
        "the agent's phone shows the caller's number: " + answered);

    // 3. They talk: each side receives some seconds of the other.
    agent.awaitReceived(TALK, Duration.ofSeconds(15));
    caller.awaitReceived(callerBridgedAt + TALK, Duration.ofSeconds(15));

    // 4. The caller hangs up; both legs end.
    caller.command("hangup", null);
    caller.awaitEvent("CALL_CLOSED", Duration.ofSeconds(10));
    agent.awaitEvent("CALL_CLOSED", Duration.ofSeconds(10));
    caller.close(); // closes the recordings and flushes the SIP traces
    agent.close();

    JsonNode cdr = onlyCdr(server);
    assertEquals("answered", cdr.path("outcome").asText(), cdr.toString());
    assertEquals("2>1", cdr.path("ivrChoice").asText(), cdr.toString());
    assertEquals("support", cdr.path("queue").asText(), cdr.toString());
    assertEquals("1001", cdr.path("agentId").asText(), cdr.toString());
    assertEquals(CALLER_NUMBER, cdr.path("caller").asText(), cdr.toString());
    assertEquals("100", cdr.path("dialed").asText(), cdr.toString());

    // The digits travelled as RFC 4733 events: the server counted them, and no SIP INFO went.
    assertEquals(
        KEYS.length(),
        server.counter("hotline_dtmf_digits_total"),
        "DTMF digits counted by the server");
    assertFalse(caller.log().contains("INFO sip:"), "the caller sent DTMF by SIP INFO, not RTP");
    assertTrue(agent.log().contains("SIP/2.0 180 Ringing"), "the agent's phone rang");
    if (!callerCodecs.isEmpty()) {
      // The legs really differ: the caller's leg is PCMA only, the agent answered PCMU only.
      assertTrue(
          Pattern.compile("m=audio \\d+ RTP/AVP 8( 101)?\\r?\\n").matcher(caller.log()).find(),
          "caller leg in PCMA");
      assertFalse(
          Pattern.compile("m=audio \\d+ RTP/AVP 0").matcher(caller.log()).find(),
          "no PCMU on the caller leg");
      assertTrue(
          Pattern.compile("m=audio \\d+ RTP/AVP 0( 101)?\\r?\\n").matcher(agent.log()).find(),
          "agent answered PCMU");
    }

    ToneDetector tones = new ToneDetector(RATE);
    Wav.Pcm heardByCaller = Wav.read(caller.received());
    Wav.Pcm heardByAgent = Wav.read(agent.received());

    for (double t = PROMPT_FROM; t + PROMPT_BLOCK <= PROMPT_TO + 1e-9; t += PROMPT_BLOCK) {
      double rms =
          ToneDetector.rms(
              heardByCaller.samples(),
              heardByCaller.sampleAt(t),
              heardByCaller.sampleAt(t + PROMPT_BLOCK));
      assertTrue(
          rms >= MIN_PROMPT_RMS,
          String.format(
              Locale.ROOT,
              "the caller hears the prompt, not silence: RMS %.4f in %.1f-%.1f s of %.2f s",
              rms,
              t,
              t + PROMPT_BLOCK,
              heardByCaller.seconds()));
    }
    int promptFrom = heardByCaller.sampleAt(PROMPT_FROM);
    int promptTo = heardByCaller.sampleAt(PROMPT_TO);
    assertAtMost(
        MAX_STRAY_FRACTION,
        tones.toneFraction(heardByCaller.samples(), promptFrom, promptTo, AGENT_TONE),
        "the prompt is speech, not the agent's tone");
    assertAtMost(
        MAX_STRAY_FRACTION,
        tones.toneFraction(heardByCaller.samples(), promptFrom, promptTo, CALLER_TONE),
        "the prompt is speech, not the caller's own tone echoed");

    int bridgedFrom = heardByCaller.sampleAt(callerBridgedAt + SETTLE);
    int bridgedTo = heardByCaller.sampleAt(heardByCaller.seconds() - TAIL);
    assertAtLeast(
        MIN_TONE_FRACTION,
        tones.toneFraction(heardByCaller.samples(), bridgedFrom, bridgedTo, AGENT_TONE),
        "the caller hears the agent's 1000 Hz after the bridge ("
            + window(heardByCaller, bridgedFrom, bridgedTo)
            + ")");
    assertAtMost(
        MAX_STRAY_FRACTION,
        tones.toneFraction(heardByCaller.samples(), bridgedFrom, bridgedTo, CALLER_TONE),
        "the caller does not hear their own 440 Hz back");

    int agentFrom = heardByAgent.sampleAt(SETTLE);
    int agentTo = heardByAgent.sampleAt(heardByAgent.seconds() - TAIL);
    assertAtLeast(
        MIN_TONE_FRACTION,
        tones.toneFraction(heardByAgent.samples(), agentFrom, agentTo, CALLER_TONE),
        "the agent hears the caller's 440 Hz (" + window(heardByAgent, agentFrom, agentTo) + ")");
    assertAtMost(
        MAX_STRAY_FRACTION,
        tones.toneFraction(heardByAgent.samples(), agentFrom, agentTo, AGENT_TONE),
        "the agent does not hear their own 1000 Hz back");
  }

  /**
   * A caller waiting in a queue with no agent hears their position every few seconds. The
   * operator's flows file makes the queue's music a silent prompt from the operator's prompts
   * folder, so what the caller hears past the hold announcement is the position announcements and
   * quiet in between.
   */
  @Test
  void aWaitingCaller_hearsTheirPositionAnnounced() throws Exception {
    ExternalTool.require("baresip", "baresip");
    Path prompts = dir.resolve("prompts");
    for (String language : new String[] {"en", "zh"}) {
      java.nio.file.Files.createDirectories(prompts.resolve(language));
      Wav.writeTone(prompts.resolve(language).resolve("quiet.wav"), RATE, AGENT_TONE, 2, 0);
    }
    Path flows =
        java.nio.file.Files.writeString(
            dir.resolve("flows.yaml"),
            """
        numbers:
          "100": wait
        queues:
          sales:
            music: quiet
            announce-every: %d
            announce: [position]
        flows:
          wait:
            - enqueue: sales
        """
                .formatted(ANNOUNCE_EVERY));
    RunningServer server =
        opened(
            new RunningServer(
                Map.of(
                    "hotline.ivr.flows",
                    flows.toString(),
                    "hotline.ivr.prompts-dir",
                    prompts.toString())));
    Path callerVoice = dir.resolve("caller-440hz.wav");
    Wav.writeTone(callerVoice, RATE, CALLER_TONE, SOURCE_SECONDS, 0.3);
    Baresip caller =
        opened(
            Baresip.start(
                "caller",
                dir.resolve("caller"),
                "<sip:" + CALLER_NUMBER + "@127.0.0.1>;regint=0",
                callerVoice));

    caller.command("dial", "sip:100@127.0.0.1:" + server.sipPort);
    caller.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10));
    caller.awaitReceived(WAIT_HEARD, Duration.ofSeconds(30));
    caller.command("hangup", null);
    caller.awaitEvent("CALL_CLOSED", Duration.ofSeconds(10));
    caller.close();

    // Past the hold announcement, half-second blocks are either an announcement or quiet, and
    // both come back: at least two loud stretches with quiet between them.
    Wav.Pcm heard = Wav.read(caller.received());
    StringBuilder blocks = new StringBuilder();
    for (double t = AFTER_HOLD_PROMPT; t + PROMPT_BLOCK <= WAIT_HEARD; t += PROMPT_BLOCK) {
      double rms =
          ToneDetector.rms(heard.samples(), heard.sampleAt(t), heard.sampleAt(t + PROMPT_BLOCK));
      blocks.append(rms >= MIN_PROMPT_RMS ? 'S' : rms < QUIET_RMS ? '.' : '?');
    }
    String pattern = blocks.toString();
    assertTrue(
        Pattern.compile("S+\\.+S+").matcher(pattern).find(),
        "announcements with quiet between, each block of "
            + PROMPT_BLOCK
            + " s from "
            + AFTER_HOLD_PROMPT
            + " s (S speech, . quiet): "
            + pattern);
    JsonNode cdr = onlyCdr(server);
    assertEquals("abandoned", cdr.path("outcome").asText(), cdr.toString());
  }

  /** Waits (bounded) until the server has accepted one registration. */
  private static void awaitRegistered(RunningServer server, Baresip agent) throws Exception {
    String ok = "hotline_sip_register_total{result=\"ok\"}";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.counter(ok) < 1 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertEquals(1.0, server.counter(ok), "registrations accepted; baresip said:\n" + agent.log());
  }

  private <T extends AutoCloseable> T opened(T resource) {
    open.push(resource);
    return resource;
  }

  /**
   * Polls /api/cdrs until a CDR is there (bounded), and returns it, checking it is the only one.
   */
  private static JsonNode onlyCdr(RunningServer server) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    JsonNode cdrs = JSON.readTree(server.get("/api/cdrs"));
    while (cdrs.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      cdrs = JSON.readTree(server.get("/api/cdrs"));
    }
    assertEquals(1, cdrs.size(), "CDRs: " + cdrs);
    return cdrs.get(0);
  }

  private static String window(Wav.Pcm pcm, int from, int to) {
    return String.format(
        Locale.ROOT,
        "%.2f-%.2f s of %.2f s",
        (double) from / pcm.sampleRate(),
        (double) to / pcm.sampleRate(),
        pcm.seconds());
  }

  private static void assertAtLeast(double min, double actual, String what) {
    assertTrue(
        actual >= min,
        String.format(Locale.ROOT, "%s: fraction %.2f, want >= %.2f", what, actual, min));
  }

  private static void assertAtMost(double max, double actual, String what) {
    assertTrue(
        actual <= max,
        String.format(Locale.ROOT, "%s: fraction %.2f, want <= %.2f", what, actual, max));
  }
}
