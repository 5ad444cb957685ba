package org.hotline.admin.it.audio;

/**
 * Finds a sine tone in 16-bit PCM with the Goertzel algorithm, frame by frame (20 ms).
 *
 * <p>A frame "has" the tone when the power at the target frequency is most of the frame's power,
 * and the frame is not near silence. For a pure tone of amplitude A over N samples the Goertzel
 * power is about (A·N/2)², and the frame's energy Σx² is about N·A²/2, so their ratio {@code power
 * / (N/2 · Σx²)} is close to 1; speech, music or a tone elsewhere stays well below (the shipped
 * prompts peak near 0.7 at 440 Hz for an odd frame, a tone 100 Hz off is near 0).
 */
public final class ToneDetector {
  /** The share of a frame's energy that must lie at the target frequency. */
  public static final double MIN_TARGET_SHARE = 0.8;

  /** Frames quieter than this (RMS, full scale 1.0; about -40 dBFS) never have a tone. */
  public static final double MIN_FRAME_RMS = 0.01;

  private final int sampleRate;
  private final int frameLength;

  public ToneDetector(int sampleRate) {
    this.sampleRate = sampleRate;
    this.frameLength = sampleRate / 50;
  }

  /**
   * The fraction of whole 20 ms frames in {@code [from, to)} (sample indexes) that hold a tone at
   * {@code frequency} Hz; 0 when the range holds no whole frame.
   */
  public double toneFraction(short[] pcm, int from, int to, double frequency) {
    int frames = 0;
    int withTone = 0;
    for (int start = from; start + frameLength <= to; start += frameLength) {
      frames++;
      if (rms(pcm, start, start + frameLength) >= MIN_FRAME_RMS
          && targetShare(pcm, start, frameLength, frequency) >= MIN_TARGET_SHARE) {
        withTone++;
      }
    }
    return frames == 0 ? 0 : (double) withTone / frames;
  }

  /** The share of the energy of {@code pcm[start, start + n)} that lies at {@code frequency}. */
  public double targetShare(short[] pcm, int start, int n, double frequency) {
    double coefficient = 2 * Math.cos(2 * Math.PI * frequency / sampleRate);
    double s1 = 0;
    double s2 = 0;
    double energy = 0;
    for (int i = start; i < start + n; i++) {
      double x = pcm[i];
      double s = x + coefficient * s1 - s2;
      s2 = s1;
      s1 = s;
      energy += x * x;
    }
    if (energy == 0) {
      return 0;
    }
    double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    return power / (n / 2.0 * energy);
  }

  /** Root mean square of {@code pcm[from, to)}, full scale 1.0; 0 for an empty range. */
  public static double rms(short[] pcm, int from, int to) {
    if (to <= from) {
      return 0;
    }
    double sum = 0;
    for (int i = from; i < to; i++) {
      double x = pcm[i] / 32768.0;
      sum += x * x;
    }
    return Math.sqrt(sum / (to - from));
  }
}
