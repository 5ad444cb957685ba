package org.hotline.ivr;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The format of a RIFF/WAVE file, read from its {@code fmt } chunk; other chunks before {@code
 * data} ({@code LIST}, {@code fact}) are skipped.
 *
 * @param formatTag 1 for integer PCM
 * @param channels 1 for mono
 * @param sampleRate samples per second
 * @param bitsPerSample 16 for 16-bit
 * @param dataBytes length of the {@code data} chunk
 */
record WavFormat(int formatTag, int channels, int sampleRate, int bitsPerSample, long dataBytes) {

  static WavFormat read(InputStream stream) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    expect(in, "RIFF");
    littleInt(in); // file length - 8
    expect(in, "WAVE");
    int formatTag = -1;
    int channels = -1;
    int sampleRate = -1;
    int bits = -1;
    while (true) {
      String id = fourCc(in);
      long size = littleInt(in) & 0xFFFFFFFFL;
      if (id.equals("data")) {
        if (formatTag < 0) {
          throw new IOException("data chunk before fmt chunk");
        }
        return new WavFormat(formatTag, channels, sampleRate, bits, size);
      }
      long skip = size + (size & 1); // chunks are padded to an even length
      if (id.equals("fmt ")) {
        formatTag = littleShort(in);
        channels = littleShort(in);
        sampleRate = littleInt(in);
        littleInt(in); // byte rate
        littleShort(in); // block align
        bits = littleShort(in);
        skip -= 16;
      }
      in.skipNBytes(skip);
    }
  }

  private static void expect(DataInputStream in, String fourCc) throws IOException {
    String id = fourCc(in);
    if (!id.equals(fourCc)) {
      throw new IOException("expected " + fourCc + ", found " + id);
    }
  }

  private static String fourCc(DataInputStream in) throws IOException {
    byte[] id = new byte[4];
    in.readFully(id);
    return new String(id, StandardCharsets.US_ASCII);
  }

  private static int littleShort(DataInputStream in) throws IOException {
    int lo = in.read();
    int hi = in.read();
    if ((lo | hi) < 0) {
      throw new EOFException();
    }
    return lo | hi << 8;
  }

  private static int littleInt(DataInputStream in) throws IOException {
    return littleShort(in) | littleShort(in) << 16;
  }
}
