package org.hotline.sip.media.record;

import org.hotline.sip.media.Codec;

/**
 * Tells speech from silence in decoded audio by a simple energy threshold: each 20 ms block whose
 * mean power is at least {@value #THRESHOLD_DBM0} dBm0 counts as speech, any other as silence. That
 * is well above the line noise of a quiet phone (around -60 dBm0) and well below speech (around -20
 * dBm0); comfort noise, paused streams and packet-loss fill are silence.
 *
 * <p>Confined to the endpoint's event loop.
 */
final class SilenceDetector {

  static final int THRESHOLD_DBM0 = -40;
  static final int BLOCK = Codec.SAMPLES_PER_FRAME;

  /** Mean square of a 0 dBm0 sine in 16-bit linear G.711 (full scale is +3.14 dBm0). */
  private static final double DBM0_MEAN_SQUARE = Math.pow(32768 / Math.pow(10, 3.14 / 20), 2) / 2;

  private static final double BLOCK_THRESHOLD =
      DBM0_MEAN_SQUARE * Math.pow(10, THRESHOLD_DBM0 / 10.0) * BLOCK;

  private double blockEnergy;
  private int blockPosition;
  private boolean speechHeard;
  private int silentSamples;

  /** Takes the next sample. */
  void sample(int x) {
    blockEnergy += (double) x * x;
    if (++blockPosition == BLOCK) {
      if (blockEnergy >= BLOCK_THRESHOLD) {
        speechHeard = true;
        silentSamples = 0;
      } else {
        silentSamples += BLOCK;
      }
      blockEnergy = 0;
      blockPosition = 0;
    }
  }

  /** Takes {@code count} samples of silence (a pause in the stream). */
  void silence(int count) {
    int toBlockEnd = BLOCK - blockPosition;
    if (count < toBlockEnd) {
      blockPosition += count;
      return;
    }
    // Finish the current block as it is, then whole silent blocks, then start a new one.
    int rest = count - toBlockEnd;
    blockPosition = BLOCK - 1;
    sample(0);
    silentSamples += rest - rest % BLOCK;
    blockPosition = rest % BLOCK;
  }

  /** Whether any block so far was speech. */
  boolean speechHeard() {
    return speechHeard;
  }

  /** Samples of silence since the last speech (or since the start). */
  int silentSamples() {
    return silentSamples;
  }
}
