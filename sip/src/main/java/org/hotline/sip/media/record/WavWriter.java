package org.hotline.sip.media.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.hotline.sip.media.Codec;

/**
 * Writes 16-bit linear samples at 8 kHz, mono, as a canonical RIFF/WAVE file (format 1, PCM): the
 * 44-byte header, then the samples little-endian.
 *
 * <p>The file is written beside its final name and moved into place when complete, so whoever picks
 * it up (a voicemail listing, a mail sender) never reads half a file. Blocking: call it off the
 * event loops.
 */
public final class WavWriter {

  static final int HEADER_LENGTH = 44;
  private static final int CHUNK_SAMPLES = 32 * 1024;

  private WavWriter() {}

  /**
   * Writes {@code samples[0..count)} to {@code file}, replacing it, and creates its directory when
   * missing.
   */
  public static void write(Path file, short[] samples, int count) throws IOException {
    Path target = file.toAbsolutePath();
    Path directory = target.getParent();
    if (directory != null) {
      Files.createDirectories(directory);
    }
    Path partial = target.resolveSibling(target.getFileName() + ".part");
    try (FileChannel out =
        FileChannel.open(
            partial,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      writeFully(out, header(count));
      ByteBuffer chunk =
          ByteBuffer.allocate(2 * Math.min(Math.max(count, 1), CHUNK_SAMPLES))
              .order(ByteOrder.LITTLE_ENDIAN);
      for (int from = 0; from < count; from += CHUNK_SAMPLES) {
        chunk.clear();
        int to = Math.min(count, from + CHUNK_SAMPLES);
        for (int i = from; i < to; i++) {
          chunk.putShort(samples[i]);
        }
        chunk.flip();
        writeFully(out, chunk);
      }
    } catch (IOException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    try {
      moveIntoPlace(partial, target);
    } catch (IOException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
  }

  private static void moveIntoPlace(Path partial, Path target) throws IOException {
    try {
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The RIFF header of a PCM file holding {@code count} samples. */
  static ByteBuffer header(int count) {
    int dataBytes = 2 * count;
    ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
    header.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
    header
        .put(ascii("fmt "))
        .putInt(16)
        .putShort((short) 1) // PCM
        .putShort((short) 1) // mono
        .putInt(Codec.CLOCK_RATE)
        .putInt(Codec.CLOCK_RATE * 2) // bytes per second
        .putShort((short) 2) // bytes per sample frame
        .putShort((short) 16); // bits per sample
    header.put(ascii("data")).putInt(dataBytes);
    return header.flip();
  }

  private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
  }

  private static byte[] ascii(String fourCc) {
    return fourCc.getBytes(StandardCharsets.US_ASCII);
  }
}
