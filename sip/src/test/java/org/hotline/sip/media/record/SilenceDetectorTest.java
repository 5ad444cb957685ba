package org.hotline.sip.media.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hotline.sip.media.AudioFixtures;
import org.junit.jupiter.api.Test;

class SilenceDetectorTest {

  private final SilenceDetector detector = new SilenceDetector();

  @Test
  void quietLineNoise_isSilence_speechLevelIsNot() {
    feed(AudioFixtures.withNoise(new short[8000], -55, 1));
    assertFalse(detector.speechHeard());
    assertEquals(8000, detector.silentSamples());

    feed(AudioFixtures.sine(300, -30, 100));
    assertTrue(detector.speechHeard());
    assertEquals(0, detector.silentSamples());
  }

  @Test
  void pauses_countAsSilence_inWholeBlocks() {
    feed(AudioFixtures.sine(300, -20, 100));
    detector.silence(100);
    assertEquals(0, detector.silentSamples(), "the block is not finished yet");
    detector.silence(60 + 3 * 160 + 10);
    assertEquals(4 * 160, detector.silentSamples());
    feed(new short[150]);
    assertEquals(5 * 160, detector.silentSamples());
  }

  private void feed(short[] samples) {
    for (short s : samples) {
      detector.sample(s);
    }
  }
}
