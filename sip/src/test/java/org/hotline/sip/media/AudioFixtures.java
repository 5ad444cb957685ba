package org.hotline.sip.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.hotline.sip.media.g711.G711;

/** Synthetic audio for the media tests: tones, DTMF, noise, and measuring what came out. */
public final class AudioFixtures {

  /** Peak amplitude of a 0 dBm0 sine in 16-bit linear G.711. */
  public static final double DBM0 = 32768 / Math.pow(10, 3.14 / 20);

  private static final double[] ROW_HZ = {697, 770, 852, 941};
  private static final double[] COLUMN_HZ = {1209, 1336, 1477, 1633};
  private static final String[] KEYS = {"123A", "456B", "789C", "*0#D"};

  private AudioFixtures() {}

  /** The peak amplitude of a sine at {@code dbm0}. */
  public static double amplitude(double dbm0) {
    return DBM0 * Math.pow(10, dbm0 / 20);
  }

  /** {@code millis} of a sine of {@code hz} at {@code dbm0}. */
  public static short[] sine(double hz, double dbm0, int millis) {
    short[] out = new short[millis * 8];
    double a = amplitude(dbm0);
    for (int i = 0; i < out.length; i++) {
      out[i] = (short) Math.round(a * Math.sin(2 * Math.PI * hz * i / 8000));
    }
    return out;
  }

  /** {@code millis} of silence. */
  public static short[] silence(int millis) {
    return new short[millis * 8];
  }

  /**
   * {@code millis} of the DTMF tone pair of {@code key}, each tone at {@code dbm0}, the low one
   * {@code twistDb} dB above the high one, both frequencies scaled by {@code 1 + offset}.
   */
  public static short[] dtmf(char key, double dbm0, double twistDb, double offset, int millis) {
    int row = -1;
    int column = -1;
    for (int r = 0; r < 4; r++) {
      if (KEYS[r].indexOf(key) >= 0) {
        row = r;
        column = KEYS[r].indexOf(key);
      }
    }
    if (row < 0) {
      throw new IllegalArgumentException("not a key: " + key);
    }
    double low = amplitude(dbm0 + twistDb / 2);
    double high = amplitude(dbm0 - twistDb / 2);
    double fLow = ROW_HZ[row] * (1 + offset);
    double fHigh = COLUMN_HZ[column] * (1 + offset);
    short[] out = new short[millis * 8];
    for (int i = 0; i < out.length; i++) {
      double t = i / 8000.0;
      out[i] =
          clip(low * Math.sin(2 * Math.PI * fLow * t) + high * Math.sin(2 * Math.PI * fHigh * t));
    }
    return out;
  }

  /** {@code millis} of a DTMF key at -20 dBm0 per tone, no twist. */
  public static short[] dtmf(char key, int millis) {
    return dtmf(key, -20, 0, 0, millis);
  }

  /** Adds white Gaussian noise at {@code dbm0} (RMS), seeded for repeatable tests. */
  public static short[] withNoise(short[] audio, double dbm0, long seed) {
    Random random = new Random(seed);
    double rms = amplitude(dbm0) / Math.sqrt(2);
    short[] out = new short[audio.length];
    for (int i = 0; i < audio.length; i++) {
      out[i] = clip(audio[i] + rms * random.nextGaussian());
    }
    return out;
  }

  /** The pieces one after the other. */
  public static short[] concat(short[]... pieces) {
    int length = 0;
    for (short[] p : pieces) {
      length += p.length;
    }
    short[] out = new short[length];
    int at = 0;
    for (short[] p : pieces) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  /** G.711 encoding of the samples. */
  public static byte[] encode(Codec codec, short[] samples, int from, int count) {
    byte[] out = new byte[count];
    for (int i = 0; i < count; i++) {
      out[i] = G711.encode(codec, samples[from + i]);
    }
    return out;
  }

  /** G.711 decoding of the bytes. */
  public static short[] decode(Codec codec, byte[] encoded) {
    short[] out = new short[encoded.length];
    for (int i = 0; i < encoded.length; i++) {
      out[i] = G711.decode(codec, encoded[i]);
    }
    return out;
  }

  /** The samples of a 16-bit mono WAV file, checking its header on the way. */
  public static short[] readWav16(byte[] wav) {
    ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    if (in.getInt(0) != 0x46464952 || in.getInt(8) != 0x45564157) {
      throw new AssertionError("not RIFF/WAVE");
    }
    if (in.getShort(20) != 1
        || in.getShort(22) != 1
        || in.getInt(24) != 8000
        || in.getShort(34) != 16) {
      throw new AssertionError("not 8 kHz 16-bit mono PCM");
    }
    int dataLength = in.getInt(40);
    if (in.getInt(4) != 36 + dataLength || wav.length != 44 + dataLength) {
      throw new AssertionError("sizes in the header do not match the file");
    }
    short[] out = new short[dataLength / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = in.getShort(44 + 2 * i);
    }
    return out;
  }

  /** The power of {@code hz} in the samples relative to their total power (1 for a pure tone). */
  public static double toneShare(short[] samples, int from, int count, double hz) {
    double coefficient = 2 * Math.cos(2 * Math.PI * hz / 8000);
    double s1 = 0;
    double s2 = 0;
    double energy = 0;
    for (int i = from; i < from + count; i++) {
      double s0 = samples[i] + coefficient * s1 - s2;
      s2 = s1;
      s1 = s0;
      energy += (double) samples[i] * samples[i];
    }
    double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    return energy == 0 ? 0 : 2 * power / (count * energy);
  }

  /** The frequency estimated from zero crossings (rising and falling). */
  public static double zeroCrossingHz(short[] samples, int from, int count) {
    int crossings = 0;
    for (int i = from + 1; i < from + count; i++) {
      if ((samples[i - 1] < 0) != (samples[i] < 0)) {
        crossings++;
      }
    }
    return crossings * 8000.0 / (2.0 * count);
  }

  /** A 16-bit PCM WAV file of {@code millis} of a sine of {@code hz} at -10 dBm0. */
  public static byte[] wav16OfTone(double hz, int millis) {
    return RtpFixtures.wav16(sine(hz, -10, millis));
  }

  /** Root mean square of the samples. */
  public static double rms(short[] samples, int from, int count) {
    double sum = 0;
    for (int i = from; i < from + count; i++) {
      sum += (double) samples[i] * samples[i];
    }
    return Math.sqrt(sum / count);
  }

  private static short clip(double x) {
    return (short) Math.max(-32768, Math.min(32767, Math.round(x)));
  }
}
