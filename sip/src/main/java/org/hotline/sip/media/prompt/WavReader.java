package org.hotline.sip.media.prompt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.hotline.sip.media.Codec;
import org.hotline.sip.media.g711.G711;

/**
 * Reads a prompt from a RIFF/WAVE file into 16-bit linear samples at 8 kHz.
 *
 * <p>Accepted: one channel at 8000 Hz, either 16-bit PCM (format 1) or 8-bit G.711 (format 6,
 * A-law; format 7, μ-law), also inside {@code WAVE_FORMAT_EXTENSIBLE}. Anything else is refused
 * with a message that names what the file is and what it should be; we do not resample.
 */
public final class WavReader {

  private static final int FORMAT_PCM = 1;
  private static final int FORMAT_ALAW = 6;
  private static final int FORMAT_ULAW = 7;
  private static final int FORMAT_EXTENSIBLE = 0xFFFE;
  private static final String EXPECTED =
      "prompts must be 8000 Hz mono, 16-bit PCM or 8-bit G.711 (mu-law or A-law)";

  private WavReader() {}

  /**
   * Decodes {@code wav}.
   *
   * @param source names the file in error messages
   * @throws WavFormatException when the file is not a WAV file or not in an accepted format
   */
  public static short[] read(byte[] wav, String source) throws WavFormatException {
    ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    if (wav.length < 12 || in.getInt(0) != fourCc("RIFF") || in.getInt(8) != fourCc("WAVE")) {
      throw new WavFormatException(source + ": not a RIFF/WAVE file");
    }
    Format format = null;
    int position = 12;
    while (position + 8 <= wav.length) {
      int id = in.getInt(position);
      long size = Integer.toUnsignedLong(in.getInt(position + 4));
      int body = position + 8;
      // Writers that stream set the data size to 0 or 0xFFFFFFFF: take what is there.
      int available = (int) Math.min(size, wav.length - body);
      if (id == fourCc("fmt ")) {
        format = readFormat(in, body, available, source);
      } else if (id == fourCc("data")) {
        if (format == null) {
          throw new WavFormatException(source + ": data chunk before fmt chunk");
        }
        return decode(in, body, available, format);
      }
      // Chunks are padded to an even length (RIFF).
      position = (int) Math.min((long) body + size + (size & 1), wav.length);
    }
    throw new WavFormatException(source + ": no " + (format == null ? "fmt" : "data") + " chunk");
  }

  private static Format readFormat(ByteBuffer in, int at, int length, String source)
      throws WavFormatException {
    if (length < 16) {
      throw new WavFormatException(source + ": fmt chunk too short");
    }
    int tag = Short.toUnsignedInt(in.getShort(at));
    int channels = Short.toUnsignedInt(in.getShort(at + 2));
    long rate = Integer.toUnsignedLong(in.getInt(at + 4));
    int bits = Short.toUnsignedInt(in.getShort(at + 14));
    if (tag == FORMAT_EXTENSIBLE && length >= 26) {
      // The sub-format GUID starts with the format tag it stands for.
      tag = Short.toUnsignedInt(in.getShort(at + 24));
    }
    Format format = new Format(tag, channels, rate, bits);
    boolean accepted =
        channels == 1
            && rate == Codec.CLOCK_RATE
            && ((tag == FORMAT_PCM && bits == 16)
                || ((tag == FORMAT_ALAW || tag == FORMAT_ULAW) && bits == 8));
    if (!accepted) {
      throw new WavFormatException(source + ": " + format + "; " + EXPECTED);
    }
    return format;
  }

  private static short[] decode(ByteBuffer in, int at, int length, Format format) {
    if (format.tag == FORMAT_PCM) {
      short[] samples = new short[length / 2];
      for (int i = 0; i < samples.length; i++) {
        samples[i] = in.getShort(at + 2 * i);
      }
      return samples;
    }
    Codec law = format.tag == FORMAT_ULAW ? Codec.PCMU : Codec.PCMA;
    short[] samples = new short[length];
    for (int i = 0; i < length; i++) {
      samples[i] = G711.decode(law, in.get(at + i));
    }
    return samples;
  }

  private static int fourCc(String id) {
    return (id.charAt(0)) | (id.charAt(1) << 8) | (id.charAt(2) << 16) | (id.charAt(3) << 24);
  }

  private record Format(int tag, int channels, long rate, int bits) {
    @Override
    public String toString() {
      String encoding =
          switch (tag) {
            case FORMAT_PCM -> bits + "-bit PCM";
            case FORMAT_ALAW -> bits + "-bit A-law";
            case FORMAT_ULAW -> bits + "-bit mu-law";
            default -> "format " + tag + " at " + bits + " bits";
          };
      return rate + " Hz, " + channels + (channels == 1 ? " channel, " : " channels, ") + encoding;
    }
  }
}
