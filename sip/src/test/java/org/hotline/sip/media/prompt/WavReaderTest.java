package org.hotline.sip.media.prompt;

import static org.hotline.sip.media.RtpFixtures.wav;
import static org.hotline.sip.media.RtpFixtures.wav16;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.hotline.sip.media.Codec;
import org.hotline.sip.media.g711.G711;
import org.junit.jupiter.api.Test;

class WavReaderTest {

  @Test
  void pcm16Mono8k_readsItsSamples() throws Exception {
    short[] samples = {0, 1000, -1000, 32767, -32768};
    assertArrayEquals(samples, WavReader.read(wav16(samples), "t.wav"));
  }

  @Test
  void ulawAndAlaw_areDecodedToLinear() throws Exception {
    byte[] codes = {(byte) 0xFF, (byte) 0x80, 0x00};
    short[] fromUlaw = WavReader.read(wav(7, 1, 8000, 8, codes), "u.wav");
    short[] fromAlaw = WavReader.read(wav(6, 1, 8000, 8, codes), "a.wav");
    for (int i = 0; i < codes.length; i++) {
      assertEquals(G711.decode(Codec.PCMU, codes[i]), fromUlaw[i]);
      assertEquals(G711.decode(Codec.PCMA, codes[i]), fromAlaw[i]);
    }
  }

  @Test
  void otherChunks_includingOddSizedOnes_areSkipped() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer head = ByteBuffer.allocate(12 + 24 + 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
    head.put("RIFF".getBytes()).putInt(0).put("WAVE".getBytes());
    head.put("fmt ".getBytes())
        .putInt(16)
        .putShort((short) 1)
        .putShort((short) 1)
        .putInt(8000)
        .putInt(16000)
        .putShort((short) 2)
        .putShort((short) 16);
    head.put("LIST".getBytes()).putInt(3).put(new byte[] {'a', 'b', 'c', 0}); // padded to even
    out.writeBytes(head.array());
    out.writeBytes("data".getBytes());
    out.writeBytes(new byte[] {4, 0, 0, 0, 0x10, 0x00, 0x20, 0x00});

    assertArrayEquals(new short[] {16, 32}, WavReader.read(out.toByteArray(), "list.wav"));
  }

  @Test
  void extensibleFormat_isReadThroughItsSubFormat() throws Exception {
    ByteBuffer wav = ByteBuffer.allocate(12 + 8 + 40 + 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
    wav.put("RIFF".getBytes()).putInt(0).put("WAVE".getBytes());
    wav.put("fmt ".getBytes())
        .putInt(40)
        .putShort((short) 0xFFFE)
        .putShort((short) 1)
        .putInt(8000)
        .putInt(16000)
        .putShort((short) 2)
        .putShort((short) 16)
        .putShort((short) 22)
        .putShort((short) 16)
        .putInt(4)
        .putShort((short) 1)
        .put(new byte[14]);
    wav.put("data".getBytes()).putInt(4).putShort((short) 5).putShort((short) -5);
    assertArrayEquals(new short[] {5, -5}, WavReader.read(wav.array(), "ext.wav"));
  }

  @Test
  void truncatedDataChunk_yieldsWhatIsThere() throws Exception {
    byte[] full = wav16(new short[] {1, 2, 3});
    byte[] cut = java.util.Arrays.copyOf(full, full.length - 2);
    assertArrayEquals(new short[] {1, 2}, WavReader.read(cut, "cut.wav"));
  }

  @Test
  void cdQualityStereo_isRefused_withWhatItIsAndWhatItShouldBe() {
    WavFormatException e =
        assertThrows(
            WavFormatException.class,
            () -> WavReader.read(wav(1, 2, 44100, 16, new byte[8]), "prompts/en/welcome.wav"));
    assertTrue(e.getMessage().contains("prompts/en/welcome.wav"), e.getMessage());
    assertTrue(e.getMessage().contains("44100 Hz, 2 channels, 16-bit PCM"), e.getMessage());
    assertTrue(e.getMessage().contains("8000 Hz mono"), e.getMessage());
  }

  @Test
  void wideband_isRefused() {
    assertThrows(
        WavFormatException.class,
        () -> WavReader.read(wav(1, 1, 16000, 16, new byte[8]), "hd.wav"));
  }

  @Test
  void eightBitLinear_isRefused() {
    assertThrows(
        WavFormatException.class, () -> WavReader.read(wav(1, 1, 8000, 8, new byte[8]), "u8.wav"));
  }

  @Test
  void notAWavFile_isRefused() {
    assertThrows(
        WavFormatException.class,
        () -> WavReader.read("ID3 this is an mp3".getBytes(), "song.mp3"));
    assertThrows(WavFormatException.class, () -> WavReader.read(new byte[0], "empty.wav"));
  }

  @Test
  void missingDataChunk_isRefused() {
    byte[] full = wav16(new short[0]);
    byte[] headerOnly = java.util.Arrays.copyOf(full, 36);
    assertThrows(WavFormatException.class, () -> WavReader.read(headerOnly, "nodata.wav"));
  }
}
