package org.hotline.admin.it.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ToneDetectorTest {
  private static final int RATE = 8000;
  private final ToneDetector detector = new ToneDetector(RATE);

  @Test
  void toneAtTarget_isFoundInEveryFrame() {
    short[] pcm = tone(440, 0.3, RATE);
    assertEquals(1.0, detector.toneFraction(pcm, 0, pcm.length, 440));
  }

  @Test
  void toneElsewhere_isNotFound() {
    short[] pcm = tone(1000, 0.3, RATE);
    assertEquals(0.0, detector.toneFraction(pcm, 0, pcm.length, 440));
    assertEquals(0.0, detector.toneFraction(tone(540, 0.3, RATE), 0, RATE, 440));
  }

  @Test
  void quietTone_isNotFound_andSilenceHasNoRms() {
    short[] quiet = tone(440, 0.005, RATE);
    assertEquals(0.0, detector.toneFraction(quiet, 0, quiet.length, 440));
    assertEquals(0.0, ToneDetector.rms(new short[RATE], 0, RATE));
  }

  @Test
  void noise_isNotATone_butIsNotSilence() {
    Random random = new Random(42);
    short[] pcm = new short[RATE];
    for (int i = 0; i < pcm.length; i++) {
      pcm[i] = (short) (random.nextGaussian() * 3000);
    }
    assertEquals(0.0, detector.toneFraction(pcm, 0, pcm.length, 440));
    assertTrue(ToneDetector.rms(pcm, 0, pcm.length) > 0.05);
  }

  @Test
  void halfToneHalfSilence_isHalf() {
    short[] pcm = new short[RATE];
    System.arraycopy(tone(1000, 0.3, RATE / 2), 0, pcm, 0, RATE / 2);
    assertEquals(0.5, detector.toneFraction(pcm, 0, pcm.length, 1000), 0.03);
  }

  private static short[] tone(double frequency, double amplitude, int n) {
    short[] pcm = new short[n];
    for (int i = 0; i < n; i++) {
      pcm[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * frequency * i / RATE));
    }
    return pcm;
  }
}
