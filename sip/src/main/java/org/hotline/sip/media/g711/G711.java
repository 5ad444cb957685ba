package org.hotline.sip.media.g711;

import org.hotline.sip.media.Codec;

/**
 * G.711 μ-law and A-law conversion (ITU-T G.711), as lookup tables built once.
 *
 * <p>Decoding is a 256-entry table per law; transcoding between the laws is a 256-entry byte table,
 * so a relayed payload can be converted in place without changing its size. Encoding computes the
 * segment and is used only when prompts are loaded.
 */
public final class G711 {

  /** μ-law bias added before finding the segment (G.711 section 3, 0x84). */
  private static final int ULAW_BIAS = 0x84;

  /** Largest magnitude that μ-law can still represent after adding the bias. */
  private static final int ULAW_CLIP = 32635;

  private static final short[] ULAW_TO_LINEAR = new short[256];
  private static final short[] ALAW_TO_LINEAR = new short[256];
  private static final byte[] ULAW_TO_ALAW = new byte[256];
  private static final byte[] ALAW_TO_ULAW = new byte[256];

  static {
    for (int code = 0; code < 256; code++) {
      ULAW_TO_LINEAR[code] = (short) decodeUlaw(code);
      ALAW_TO_LINEAR[code] = (short) decodeAlaw(code);
    }
    for (int code = 0; code < 256; code++) {
      ULAW_TO_ALAW[code] = linearToAlaw(ULAW_TO_LINEAR[code]);
      ALAW_TO_ULAW[code] = linearToUlaw(ALAW_TO_LINEAR[code]);
    }
  }

  private G711() {}

  /** Encodes one 16-bit linear sample as μ-law. */
  public static byte linearToUlaw(int sample) {
    int magnitude = sample;
    int sign = 0;
    if (magnitude < 0) {
      magnitude = -magnitude;
      sign = 0x80;
    }
    if (magnitude > ULAW_CLIP) {
      magnitude = ULAW_CLIP;
    }
    magnitude += ULAW_BIAS;
    // The segment (exponent) is the position of the highest set bit above bit 7.
    int exponent = 31 - Integer.numberOfLeadingZeros(magnitude) - 7;
    int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
    return (byte) ~(sign | (exponent << 4) | mantissa);
  }

  /** Encodes one 16-bit linear sample as A-law. */
  public static byte linearToAlaw(int sample) {
    int magnitude;
    int sign;
    if (sample >= 0) {
      magnitude = sample;
      sign = 0x80;
    } else {
      // One's complement keeps the negative range symmetric with the positive one.
      magnitude = -sample - 1;
      sign = 0;
    }
    if (magnitude > 32767) {
      magnitude = 32767;
    }
    int exponent;
    int mantissa;
    if (magnitude < 256) {
      exponent = 0;
      mantissa = magnitude >> 4;
    } else {
      exponent = 31 - Integer.numberOfLeadingZeros(magnitude) - 7;
      mantissa = (magnitude >> (exponent + 3)) & 0x0F;
    }
    // Even bits are inverted on the line (G.711 table 1a, "0x55").
    return (byte) ((sign | (exponent << 4) | mantissa) ^ 0x55);
  }

  /** Decodes one μ-law byte to a 16-bit linear sample. */
  public static short ulawToLinear(byte code) {
    return ULAW_TO_LINEAR[code & 0xFF];
  }

  /** Decodes one A-law byte to a 16-bit linear sample. */
  public static short alawToLinear(byte code) {
    return ALAW_TO_LINEAR[code & 0xFF];
  }

  /** Encodes one 16-bit linear sample in the given law. */
  public static byte encode(Codec codec, int sample) {
    return codec == Codec.PCMU ? linearToUlaw(sample) : linearToAlaw(sample);
  }

  /** Decodes one byte of the given law to a 16-bit linear sample. */
  public static short decode(Codec codec, byte code) {
    return codec == Codec.PCMU ? ulawToLinear(code) : alawToLinear(code);
  }

  /** Decodes {@code count} bytes of the given law into linear samples. */
  public static void decode(Codec codec, byte[] codes, short[] samples, int count) {
    short[] table = codec == Codec.PCMU ? ULAW_TO_LINEAR : ALAW_TO_LINEAR;
    for (int i = 0; i < count; i++) {
      samples[i] = table[codes[i] & 0xFF];
    }
  }

  /**
   * The 256-entry table that converts a byte of law {@code from} to law {@code to}, or {@code null}
   * when both are the same. The caller must not modify it.
   */
  public static byte[] transcodingTable(Codec from, Codec to) {
    if (from == to) {
      return null;
    }
    return from == Codec.PCMU ? ULAW_TO_ALAW : ALAW_TO_ULAW;
  }

  private static int decodeUlaw(int code) {
    int bits = ~code & 0xFF;
    int exponent = (bits >> 4) & 0x07;
    int mantissa = bits & 0x0F;
    // Reconstruct at the middle of the step, then remove the bias added when encoding.
    int magnitude = (((mantissa << 3) + ULAW_BIAS) << exponent) - ULAW_BIAS;
    return (bits & 0x80) != 0 ? -magnitude : magnitude;
  }

  private static int decodeAlaw(int code) {
    int bits = (code ^ 0x55) & 0xFF;
    int exponent = (bits >> 4) & 0x07;
    int mantissa = bits & 0x0F;
    int magnitude =
        exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
    return (bits & 0x80) != 0 ? magnitude : -magnitude;
  }
}
