package org.hotline.sip.media.dtmf;

import static org.hotline.sip.media.AudioFixtures.concat;
import static org.hotline.sip.media.AudioFixtures.dtmf;
import static org.hotline.sip.media.AudioFixtures.silence;
import static org.hotline.sip.media.AudioFixtures.sine;
import static org.hotline.sip.media.AudioFixtures.withNoise;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotline.sip.media.Codec;
import org.hotline.sip.media.g711.G711;
import org.hotline.sip.media.prompt.WavFormatException;
import org.hotline.sip.media.prompt.WavReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InbandDtmfDetectorTest {

  /** The prompts shipped with the ivr module: speech and music that must give no digit. */
  private static final Path SHIPPED_PROMPTS = Path.of("../ivr/src/main/resources/prompts/en");

  private final StringBuilder digits = new StringBuilder();
  private final InbandDtmfDetector detector = new InbandDtmfDetector(digits::append);

  @Test
  void everyKey_atMinus20dBm0_inNoise_isDetected() {
    List<short[]> pieces = new ArrayList<>();
    for (char key : "0123456789*#ABCD".toCharArray()) {
      pieces.add(dtmf(key, 70));
      pieces.add(silence(60));
    }
    feed(withNoise(concat(pieces.toArray(short[][]::new)), -45, 1), 160);
    assertEquals("0123456789*#ABCD", digits.toString());
  }

  @Test
  void heldKey_countsOnce() {
    feed(withNoise(concat(silence(100), dtmf('5', 1500), silence(100)), -50, 2), 160);
    assertEquals("5", digits.toString());
  }

  @Test
  void sameKeyRepeated_withGaps_countsEachTime() {
    short[] press = concat(dtmf('9', 60), silence(50));
    feed(concat(press, press, press, press), 160);
    assertEquals("9999", digits.toString());
  }

  @Test
  void differentKeys_backToBack_countEach() {
    feed(concat(dtmf('1', 80), dtmf('2', 80), dtmf('3', 80)), 160);
    assertEquals("123", digits.toString());
  }

  @Test
  void shortBlip_isNotAKey() {
    feed(concat(silence(50), dtmf('7', 20), silence(50), dtmf('7', 25), silence(50)), 160);
    assertEquals("", digits.toString());
  }

  @Test
  void toneOf45Millis_isAKey() {
    feed(concat(silence(7), dtmf('4', 45), silence(50)), 160);
    assertEquals("4", digits.toString());
  }

  @Test
  void quietTones_belowTheThreshold_areIgnored() {
    feed(dtmf('3', -45, 0, 0, 200), 160);
    assertEquals("", digits.toString());
  }

  @Test
  void twist_withinLimits_passes_beyond_isRejected() {
    feed(concat(dtmf('1', -20, 6, 0, 80), silence(60)), 160);
    feed(concat(dtmf('2', -20, -3, 0, 80), silence(60)), 160);
    feed(concat(dtmf('3', -20, 12, 0, 80), silence(60)), 160);
    feed(concat(dtmf('4', -20, -8, 0, 80), silence(60)), 160);
    assertEquals("12", digits.toString());
  }

  @Test
  void frequencyOffsetOf1Point5Percent_passes() {
    feed(concat(dtmf('6', -20, 0, 0.015, 80), silence(60), dtmf('8', -20, 0, -0.015, 80)), 160);
    assertEquals("68", digits.toString());
  }

  @Test
  void singleTones_areNotKeys() {
    feed(concat(sine(697, -10, 300), sine(1209, -10, 300), sine(1000, -10, 300)), 160);
    assertEquals("", digits.toString());
  }

  @Test
  void chord_isNotAKey() {
    // A major chord with harmonics, near DTMF frequencies: 440, 554, 659 Hz and their overtones.
    short[] chord = new short[8000 * 3];
    double[] notes = {440, 554.37, 659.25, 880, 1108.73, 1318.51};
    for (int i = 0; i < chord.length; i++) {
      double x = 0;
      for (double f : notes) {
        x += 2500 * Math.sin(2 * Math.PI * f * i / 8000);
      }
      chord[i] = (short) x;
    }
    feed(chord, 160);
    assertEquals("", digits.toString());
  }

  @Test
  void vowelLikeSpeech_isNotAKey() {
    // A voiced sound: 120 Hz pitch with harmonics shaped by formants near 700 and 1200 Hz.
    short[] vowel = new short[8000 * 3];
    for (int i = 0; i < vowel.length; i++) {
      double pitch = 120 + 15 * Math.sin(2 * Math.PI * 3 * i / 8000);
      double x = 0;
      for (int h = 1; h * 120 < 3500; h++) {
        double f = h * 120;
        double gain =
            1 / (1 + Math.pow((f - 700) / 120, 2)) + 0.7 / (1 + Math.pow((f - 1200) / 150, 2));
        x += 6000 * gain * Math.sin(2 * Math.PI * h * pitch * i / 8000);
      }
      vowel[i] = (short) Math.max(-32768, Math.min(32767, x));
    }
    feed(vowel, 160);
    assertEquals("", digits.toString());
  }

  @ParameterizedTest(name = "{0}.wav gives no digit")
  @ValueSource(strings = {"moh", "welcome", "menu-main", "please-hold", "goodbye", "ringback"})
  void shippedPrompts_giveNoDigit(String name) throws IOException, WavFormatException {
    Path file = SHIPPED_PROMPTS.resolve(name + ".wav");
    assumeTrue(Files.isRegularFile(file), "prompt " + file + " is shipped");
    short[] audio = WavReader.read(Files.readAllBytes(file), file.toString());
    // Through G.711 as a phone would send it, at its level and 10 dB louder.
    feed(throughUlaw(audio, 1.0), 160);
    feed(throughUlaw(audio, 3.16), 160);
    assertEquals("", digits.toString());
  }

  @ParameterizedTest(name = "{0} samples per packet")
  @ValueSource(ints = {80, 160, 240, 480, 1, 105, 333})
  void packetSize_doesNotMatter(int packetSamples) {
    short[] press = concat(dtmf('#', 60), silence(60), dtmf('#', 60), silence(60), dtmf('0', 300));
    feed(withNoise(press, -50, 3), packetSamples);
    assertEquals("##0", digits.toString());
  }

  @Test
  void reset_forgetsAPressInProgress() {
    feed(dtmf('1', 30), 160);
    detector.reset();
    feed(concat(dtmf('1', 20), silence(40)), 160);
    assertEquals("", digits.toString());
  }

  private void feed(short[] audio, int packetSamples) {
    short[] packet = new short[packetSamples];
    for (int at = 0; at < audio.length; at += packetSamples) {
      int count = Math.min(packetSamples, audio.length - at);
      System.arraycopy(audio, at, packet, 0, count);
      detector.audio(1, at, packet, count);
    }
  }

  private static short[] throughUlaw(short[] audio, double gain) {
    short[] out = new short[audio.length];
    for (int i = 0; i < audio.length; i++) {
      int x = (int) Math.max(-32768, Math.min(32767, audio[i] * gain));
      out[i] = G711.decode(Codec.PCMU, G711.encode(Codec.PCMU, x));
    }
    return out;
  }
}
