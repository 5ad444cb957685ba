package org.hotline.sip.media.dtmf;

import org.hotline.sip.media.Codec;
import org.hotline.sip.media.audio.AudioSink;

/**
 * Detects DTMF key presses in the peer's audio, for phones that offer no RFC 4733 telephone-events:
 * a Goertzel filter on each of the eight DTMF frequencies (ITU-T Q.23) over blocks of {@value
 * #BLOCK} samples (about 13 ms at 8 kHz).
 *
 * <p>A block holds a digit when the strongest row tone and the strongest column tone
 *
 * <ul>
 *   <li>are each at least {@value #MIN_LEVEL_DBM0} dBm0;
 *   <li>differ by no more than the allowed twist: the low (row) tone up to {@value
 *       #NORMAL_TWIST_DB} dB stronger, or up to {@value #REVERSE_TWIST_DB} dB weaker, than the high
 *       (column) tone, as lines attenuate high frequencies;
 *   <li>stand out from the other three tones of their group by {@value #RELATIVE_PEAK_DB} dB;
 *   <li>carry together at least {@value #MIN_ENERGY_SHARE} of the block's energy. Speech and music
 *       spread their energy over many frequencies and harmonics, a key press puts nearly all of it
 *       in two tones: this is what keeps voice from being taken for a key.
 * </ul>
 *
 * <p>A key press counts once the same digit holds for {@value #MIN_BLOCKS} blocks in a row (about
 * 40 ms, the shortest tone Q.24 asks to accept), and is reported once however long it is held: the
 * same digit counts again only after {@value #GAP_BLOCKS} blocks (about 26 ms) without it, so a
 * block lost to noise in the middle of a long press does not make it two.
 *
 * <p>Confined to the endpoint's event loop; allocates nothing after construction.
 */
public final class InbandDtmfDetector implements AudioSink {

  /** Samples per analysis block. */
  public static final int BLOCK = 105;

  static final double MIN_LEVEL_DBM0 = -36;
  static final double NORMAL_TWIST_DB = 8;
  static final double REVERSE_TWIST_DB = 4;
  static final double RELATIVE_PEAK_DB = 8;
  static final double MIN_ENERGY_SHARE = 0.7;
  static final int MIN_BLOCKS = 3;
  static final int GAP_BLOCKS = 2;

  /** Peak amplitude of a 0 dBm0 sine in 16-bit linear G.711 (G.711 full scale is +3.14 dBm0). */
  static final double DBM0_AMPLITUDE = 32768 / Math.pow(10, 3.14 / 20);

  private static final double[] ROW_HZ = {697, 770, 852, 941};
  private static final double[] COLUMN_HZ = {1209, 1336, 1477, 1633};
  private static final String[] KEYS = {"123A", "456B", "789C", "*0#D"};

  /** Goertzel power of a sine at the minimum level: (amplitude * N / 2)^2. */
  private static final double MIN_POWER =
      square(DBM0_AMPLITUDE * Math.pow(10, MIN_LEVEL_DBM0 / 20) * BLOCK / 2);

  private static final double NORMAL_TWIST = ratio(NORMAL_TWIST_DB);
  private static final double REVERSE_TWIST = ratio(REVERSE_TWIST_DB);
  private static final double RELATIVE_PEAK = ratio(RELATIVE_PEAK_DB);

  /** A sine's Goertzel power over N samples is N/2 times its energy (sum of squares). */
  private static final double SHARE_FACTOR = MIN_ENERGY_SHARE * BLOCK / 2;

  private static final double[] COEFFICIENTS = new double[8];

  static {
    for (int i = 0; i < 4; i++) {
      COEFFICIENTS[i] = 2 * Math.cos(2 * Math.PI * ROW_HZ[i] / Codec.CLOCK_RATE);
      COEFFICIENTS[4 + i] = 2 * Math.cos(2 * Math.PI * COLUMN_HZ[i] / Codec.CLOCK_RATE);
    }
  }

  private final DigitSink sink;
  private final double[] s1 = new double[8];
  private final double[] s2 = new double[8];
  private final double[] power = new double[8];
  private double energy;
  private int position;

  private char candidate;
  private int candidateBlocks;
  private char held;
  private int blocksWithoutHeld;

  public InbandDtmfDetector(DigitSink sink) {
    this.sink = sink;
  }

  @Override
  public void audio(int ssrc, int timestamp, short[] samples, int count) {
    for (int n = 0; n < count; n++) {
      double x = samples[n];
      energy += x * x;
      for (int f = 0; f < 8; f++) {
        double s0 = x + COEFFICIENTS[f] * s1[f] - s2[f];
        s2[f] = s1[f];
        s1[f] = s0;
      }
      if (++position == BLOCK) {
        decide(classify());
        clearBlock();
      }
    }
  }

  /** Forgets a press in progress: the peer now sends its keys otherwise, or nothing. */
  public void reset() {
    clearBlock();
    candidate = 0;
    candidateBlocks = 0;
    held = 0;
    blocksWithoutHeld = 0;
  }

  private void clearBlock() {
    position = 0;
    energy = 0;
    for (int f = 0; f < 8; f++) {
      s1[f] = 0;
      s2[f] = 0;
    }
  }

  /** The digit this block holds, or 0. */
  private char classify() {
    for (int f = 0; f < 8; f++) {
      power[f] = s1[f] * s1[f] + s2[f] * s2[f] - COEFFICIENTS[f] * s1[f] * s2[f];
    }
    int row = strongest(0);
    int column = strongest(4);
    double rowPower = power[row];
    double columnPower = power[column];
    if (rowPower < MIN_POWER || columnPower < MIN_POWER) {
      return 0;
    }
    if (rowPower > columnPower * NORMAL_TWIST || columnPower > rowPower * REVERSE_TWIST) {
      return 0;
    }
    for (int i = 0; i < 4; i++) {
      if ((i != row && power[i] * RELATIVE_PEAK > rowPower)
          || (4 + i != column && power[4 + i] * RELATIVE_PEAK > columnPower)) {
        return 0;
      }
    }
    if (rowPower + columnPower < SHARE_FACTOR * energy) {
      return 0;
    }
    return KEYS[row].charAt(column - 4);
  }

  private void decide(char hit) {
    if (hit != 0 && hit == candidate) {
      candidateBlocks++;
    } else {
      candidate = hit;
      candidateBlocks = hit == 0 ? 0 : 1;
    }
    if (held != 0) {
      if (hit == held) {
        blocksWithoutHeld = 0;
      } else if (++blocksWithoutHeld >= GAP_BLOCKS) {
        held = 0;
      }
    }
    if (candidate != 0 && candidate != held && candidateBlocks >= MIN_BLOCKS) {
      held = candidate;
      blocksWithoutHeld = 0;
      sink.digit(candidate);
    }
  }

  private int strongest(int from) {
    int best = from;
    for (int i = from + 1; i < from + 4; i++) {
      if (power[i] > power[best]) {
        best = i;
      }
    }
    return best;
  }

  private static double ratio(double decibels) {
    return Math.pow(10, decibels / 10);
  }

  private static double square(double x) {
    return x * x;
  }
}
