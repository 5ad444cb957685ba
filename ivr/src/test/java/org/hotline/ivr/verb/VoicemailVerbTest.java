package org.hotline.ivr.verb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.core.time.ManualClock;
import org.hotline.core.voicemail.Voicemail;
import org.hotline.ivr.fake.FakeCall;
import org.hotline.ivr.fake.FakeStores;
import org.junit.jupiter.api.Test;

/** Leaving a message. */
class VoicemailVerbTest {
  private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

  private final ManualClock clock = new ManualClock(NOW);
  private final FakeCall call = new FakeCall(clock);
  private final FakeStores stores = new FakeStores();
  private final VoicemailVerb voicemail =
      new VoicemailVerb(
          "general",
          "voicemail-intro",
          "beep",
          "voicemail-saved",
          Duration.ofMinutes(2),
          Duration.ofSeconds(5),
          "#");

  private FlowContext context(FakeStores stores) {
    return new FlowContext(call, "en", stores.services(clock, Map.of()), name -> Optional.empty());
  }

  @Test
  void voicemail_introBeepRecord_thenSavesThanksAndHangsUp() throws InterruptedException {
    assertEquals(Outcome.END, voicemail.execute(context(stores)));
    assertEquals(
        List.of(
            "play voicemail-intro",
            "play beep",
            "record call-1.wav",
            "play voicemail-saved",
            "hangup voicemail"),
        call.log());
    Voicemail saved = stores.voicemails().getFirst();
    assertEquals("general", saved.box());
    assertEquals(call.callerNumber(), saved.callerNumber());
    assertEquals(NOW, saved.recordedAt());
    assertEquals(Duration.ofSeconds(12), saved.length());
  }

  @Test
  void voicemail_recordingWithoutAudio_isNotSaved() throws InterruptedException {
    call.media().recordingLength(Duration.ofMillis(600));
    voicemail.execute(context(stores));
    assertEquals(List.of(), stores.voicemails());
    assertEquals(List.of("voicemail-intro", "beep", "goodbye"), call.media().promptsPlayed());
    assertEquals(List.of(VoicemailVerb.CAUSE), call.hangups());
  }

  @Test
  void voicemail_callerHangsUpToFinish_messageIsStillSaved() throws InterruptedException {
    call.media().hangUpWhileRecording();
    assertEquals(Outcome.END, voicemail.execute(context(stores)));
    assertEquals(1, stores.voicemails().size());
    assertEquals(List.of("voicemail-intro", "beep"), call.media().promptsPlayed());
    assertEquals(List.of(), call.hangups());
  }

  @Test
  void voicemail_callerHangsUpDuringTheIntro_recordsNothing() throws InterruptedException {
    call.media().hangUpDuring("voicemail-intro");
    voicemail.execute(context(stores));
    assertEquals(List.of(), stores.voicemails());
    assertEquals(List.of("voicemail-intro"), call.media().promptsPlayed());
  }

  @Test
  void voicemail_recordingFails_saysNoOneIsAvailable() throws InterruptedException {
    call.media().recordingFails();
    voicemail.execute(context(stores));
    assertEquals("not-available", call.media().promptsPlayed().getLast());
    assertEquals(List.of(VoicemailVerb.CAUSE), call.hangups());
  }

  @Test
  void voicemail_storeDown_saysNoOneIsAvailable_withoutKillingTheFlow()
      throws InterruptedException {
    voicemail.execute(context(new FakeStores().failing()));
    assertEquals("not-available", call.media().promptsPlayed().getLast());
  }

  @Test
  void voicemail_maxLength_isPassedToTheRecorder() throws InterruptedException {
    call.media().recordingLength(Duration.ofMinutes(10));
    new VoicemailVerb(
            "general",
            "voicemail-intro",
            "beep",
            "voicemail-saved",
            Duration.ofSeconds(30),
            Duration.ZERO,
            "#")
        .execute(context(stores));
    assertEquals(Duration.ofSeconds(30), stores.voicemails().getFirst().length());
  }
}
