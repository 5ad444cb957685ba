package org.hotline.admin.it.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes the WAV files the softphones play and record: RIFF/WAVE, 16-bit signed PCM,
 * mono, little-endian.
 *
 * <p>Reading is lenient about the sizes in the header, since a recorder that was stopped hard may
 * not have written them: a {@code data} chunk whose size is 0 or runs past the end of the file is
 * taken to end with the file.
 */
public final class Wav {
  /** Samples and their rate. */
  public record Pcm(short[] samples, int sampleRate) {
    public int sampleAt(double seconds) {
      return (int) Math.max(0, Math.min(samples.length, Math.round(seconds * sampleRate)));
    }

    public double seconds() {
      return (double) samples.length / sampleRate;
    }
  }

  private Wav() {}

  /** Writes a sine tone: {@code amplitude} of full scale, {@code seconds} long. */
  public static void writeTone(
      Path file, int sampleRate, double frequency, double seconds, double amplitude)
      throws IOException {
    int n = (int) Math.round(seconds * sampleRate);
    ByteBuffer b = ByteBuffer.allocate(44 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("RIFF")).putInt(36 + 2 * n).put(ascii("WAVE"));
    b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1);
    b.putInt(sampleRate).putInt(2 * sampleRate).putShort((short) 2).putShort((short) 16);
    b.put(ascii("data")).putInt(2 * n);
    for (int i = 0; i < n; i++) {
      b.putShort(
          (short)
              Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * frequency * i / sampleRate)));
    }
    Files.write(file, b.array());
  }

  /** Reads a 16-bit mono PCM WAV file. */
  public static Pcm read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Layout layout = layout(bytes, file);
    int end =
        layout.dataSize <= 0 || layout.dataOffset + layout.dataSize > bytes.length
            ? bytes.length
            : layout.dataOffset + layout.dataSize;
    ByteBuffer data =
        ByteBuffer.wrap(bytes, layout.dataOffset, end - layout.dataOffset)
            .order(ByteOrder.LITTLE_ENDIAN);
    short[] samples = new short[(end - layout.dataOffset) / 2];
    data.asShortBuffer().get(samples);
    return new Pcm(samples, layout.sampleRate);
  }

  /**
   * How many seconds of audio a file being recorded holds so far (by its size), or 0 while it does
   * not exist or its header is incomplete.
   */
  public static double secondsSoFar(Path file) {
    try {
      if (file == null || !Files.exists(file)) {
        return 0;
      }
      byte[] head;
      try (var in = Files.newInputStream(file)) {
        head = in.readNBytes(4096);
      }
      Layout layout = layout(head, file);
      return (Files.size(file) - layout.dataOffset) / 2.0 / layout.sampleRate;
    } catch (IOException | IllegalArgumentException e) {
      return 0;
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private record Layout(int sampleRate, int dataOffset, int dataSize) {}

  private static Layout layout(byte[] bytes, Path file) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
      throw new IllegalArgumentException(file + ": not RIFF/WAVE");
    }
    int sampleRate = 0;
    for (int at = 12; at + 8 <= bytes.length; ) {
      String id = new String(bytes, at, 4, StandardCharsets.US_ASCII);
      int size = b.getInt(at + 4);
      if (size < 0 && !id.equals("data")) {
        throw new IllegalArgumentException(file + ": chunk '" + id + "' has a bad size");
      }
      if (id.equals("fmt ")) {
        int format = b.getShort(at + 8);
        int channels = b.getShort(at + 10);
        int bits = b.getShort(at + 22);
        if (format != 1 || channels != 1 || bits != 16) {
          throw new IllegalArgumentException(
              file
                  + ": want PCM mono 16-bit, got format "
                  + format
                  + ", "
                  + channels
                  + " channel(s), "
                  + bits
                  + " bits");
        }
        sampleRate = b.getInt(at + 12);
      } else if (id.equals("data")) {
        if (sampleRate == 0) {
          throw new IllegalArgumentException(file + ": data before fmt");
        }
        return new Layout(sampleRate, at + 8, size);
      }
      at += 8 + size + (size & 1);
    }
    throw new IllegalArgumentException(file + ": no data chunk");
  }
}
