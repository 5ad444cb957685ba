package org.hotline.sip.media.g711;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hotline.sip.media.Codec;
import org.junit.jupiter.api.Test;

class G711Test {

  @Test
  void zero_encodesToEachLawsSilence() {
    assertEquals((byte) 0xFF, G711.linearToUlaw(0));
    assertEquals((byte) 0xD5, G711.linearToAlaw(0));
    assertEquals(Codec.PCMU.silence(), G711.encode(Codec.PCMU, 0));
    assertEquals(Codec.PCMA.silence(), G711.encode(Codec.PCMA, 0));
  }

  @Test
  void extremes_decodeToTheStandardPeaks() {
    assertEquals(-32124, G711.ulawToLinear((byte) 0x00));
    assertEquals(32124, G711.ulawToLinear((byte) 0x80));
    assertEquals(32256, G711.alawToLinear((byte) 0xAA));
    assertEquals(-32256, G711.alawToLinear((byte) 0x2A));
    assertEquals(8, G711.alawToLinear((byte) 0xD5));
    assertEquals(-8, G711.alawToLinear((byte) 0x55));
  }

  @Test
  void everyCode_survivesDecodeThenEncode() {
    for (int code = 0; code < 256; code++) {
      for (Codec law : Codec.values()) {
        short linear = G711.decode(law, (byte) code);
        assertEquals(linear, G711.decode(law, G711.encode(law, linear)), law + " code " + code);
      }
    }
  }

  @Test
  void encoding_isMonotonicInTheSample() {
    for (Codec law : Codec.values()) {
      int previous = Integer.MIN_VALUE;
      for (int sample = -32768; sample <= 32767; sample += 7) {
        int decoded = G711.decode(law, G711.encode(law, sample));
        assertTrue(decoded >= previous, law + " at " + sample);
        previous = decoded;
      }
    }
  }

  @Test
  void encoding_staysWithinOneQuantisationStep() {
    for (int sample = -32000; sample <= 32000; sample += 13) {
      int step = Math.max(16, Math.abs(sample) / 16);
      assertTrue(Math.abs(G711.ulawToLinear(G711.linearToUlaw(sample)) - sample) <= step);
      assertTrue(Math.abs(G711.alawToLinear(G711.linearToAlaw(sample)) - sample) <= step);
    }
  }

  @Test
  void transcodingTables_mapEveryByteToTheNearestCodeOfTheOtherLaw() {
    byte[] ulawToAlaw = G711.transcodingTable(Codec.PCMU, Codec.PCMA);
    byte[] alawToUlaw = G711.transcodingTable(Codec.PCMA, Codec.PCMU);
    assertEquals(256, ulawToAlaw.length);
    assertEquals(256, alawToUlaw.length);
    assertNull(G711.transcodingTable(Codec.PCMA, Codec.PCMA));
    for (int code = 0; code < 256; code++) {
      short original = G711.ulawToLinear((byte) code);
      short converted = G711.alawToLinear(ulawToAlaw[code]);
      int step = Math.max(16, Math.abs(original) / 16);
      assertTrue(Math.abs(original - converted) <= step, "mu-law code " + code);
    }
    assertEquals((byte) 0xD5, ulawToAlaw[0xFF]);
    assertEquals(8, G711.ulawToLinear(alawToUlaw[0xD5]));
  }
}
