package org.hotline.ivr.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Estimated waits as callers hear them. */
class WaitSpeakerTest {

  @Test
  void underAMinute_isLessThanAMinute() {
    assertEquals(List.of("less-than-a-minute"), WaitSpeaker.say(Duration.ofSeconds(59), "en"));
    assertEquals(List.of("less-than-a-minute"), WaitSpeaker.say(Duration.ZERO, "zh"));
  }

  @Test
  void oneMinute_isSingular() {
    assertEquals(
        List.of("about", "num-1", "minute"), WaitSpeaker.say(Duration.ofSeconds(60), "en"));
  }

  @Test
  void minutes_areRoundedToTheNearest() {
    assertEquals(
        List.of("about", "num-2", "minutes"), WaitSpeaker.say(Duration.ofSeconds(149), "en"));
    assertEquals(
        List.of("about", "num-3", "minutes"), WaitSpeaker.say(Duration.ofSeconds(150), "en"));
  }

  @Test
  void mandarin_twoMinutes_isLiangFenZhong() {
    assertEquals(
        List.of("about", "num-2-measure", "minutes"), WaitSpeaker.say(Duration.ofMinutes(2), "zh"));
    assertEquals(
        List.of("about", "num-10", "num-2", "minutes"),
        WaitSpeaker.say(Duration.ofMinutes(12), "zh"));
  }

  @Test
  void veryLongWaits_areCapped() {
    assertEquals(
        List.of(
            "about", "num-9", "num-thousand", "num-9", "num-hundred", "num-90", "num-9", "minutes"),
        WaitSpeaker.say(Duration.ofDays(30), "en"));
  }
}
