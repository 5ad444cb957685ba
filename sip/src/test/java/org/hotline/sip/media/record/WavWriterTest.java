package org.hotline.sip.media.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.hotline.sip.media.AudioFixtures;
import org.hotline.sip.media.prompt.WavReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavWriterTest {

  @TempDir Path dir;

  @Test
  void writesACanonicalFile_thatOurReaderReadsBack() throws Exception {
    short[] samples = AudioFixtures.sine(440, -10, 5000);
    Path file = dir.resolve("a/b/message.wav");
    WavWriter.write(file, samples, 39_999);

    byte[] wav = Files.readAllBytes(file);
    assertEquals(44 + 2 * 39_999, wav.length);
    assertArrayEquals(Arrays.copyOf(samples, 39_999), AudioFixtures.readWav16(wav));
    assertArrayEquals(Arrays.copyOf(samples, 39_999), WavReader.read(wav, "message.wav"));
    assertFalse(Files.exists(dir.resolve("a/b/message.wav.part")));
  }

  @Test
  void emptyRecording_isAValidEmptyFile() throws Exception {
    Path file = dir.resolve("empty.wav");
    WavWriter.write(file, new short[0], 0);
    assertEquals(0, AudioFixtures.readWav16(Files.readAllBytes(file)).length);
  }

  @Test
  void replacesAnOlderFile() throws Exception {
    Path file = dir.resolve("again.wav");
    WavWriter.write(file, new short[] {1, 2, 3}, 3);
    WavWriter.write(file, new short[] {4}, 1);
    assertArrayEquals(new short[] {4}, AudioFixtures.readWav16(Files.readAllBytes(file)));
  }

  @Test
  void failure_leavesNoPartialFile() throws Exception {
    Path taken = dir.resolve("taken.wav");
    Files.createDirectories(taken.resolve("inside"));
    assertThrows(IOException.class, () -> WavWriter.write(taken, new short[] {1}, 1));
    assertFalse(Files.exists(dir.resolve("taken.wav.part")));
  }
}
