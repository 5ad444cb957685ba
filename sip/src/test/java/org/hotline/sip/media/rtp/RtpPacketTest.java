package org.hotline.sip.media.rtp;

import static org.hotline.sip.media.RtpFixtures.frame;
import static org.hotline.sip.media.RtpFixtures.rtp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

  @Test
  void header_writtenByTheWriter_readsBackField_byField() {
    ByteBuf buf = Unpooled.buffer();
    RtpHeaderWriter.write(buf, true, 8, 0xFFFE, 0xDEADBEEF, 0x12345678);
    buf.writeBytes(frame(0xD5));

    assertEquals(172, buf.readableBytes());
    assertEquals(2, RtpPacket.version(buf));
    assertTrue(RtpPacket.marker(buf));
    assertEquals(8, RtpPacket.payloadType(buf));
    assertEquals(0xFFFE, RtpPacket.sequence(buf));
    assertEquals(0xDEADBEEF, RtpPacket.timestamp(buf));
    assertEquals(0x12345678, RtpPacket.ssrc(buf));
    assertEquals(12, RtpPacket.payloadOffset(buf));
    assertEquals(160, RtpPacket.payloadLength(buf));
    buf.release();
  }

  @Test
  void setters_rewriteInPlace_withoutTouchingOtherBits() {
    ByteBuf buf = rtp(0, 1, 2, 3, false, frame(0xFF));
    RtpPacket.setMarker(buf, true);
    RtpPacket.setPayloadType(buf, 101);
    RtpPacket.setSequence(buf, 65535);
    RtpPacket.setTimestamp(buf, -1);
    RtpPacket.setSsrc(buf, 42);

    assertTrue(RtpPacket.marker(buf));
    assertEquals(101, RtpPacket.payloadType(buf));
    RtpPacket.setMarker(buf, false);
    assertFalse(RtpPacket.marker(buf));
    assertEquals(101, RtpPacket.payloadType(buf));
    assertEquals(65535, RtpPacket.sequence(buf));
    assertEquals(-1, RtpPacket.timestamp(buf));
    assertEquals(42, RtpPacket.ssrc(buf));
    assertEquals(2, RtpPacket.version(buf));
    buf.release();
  }

  @Test
  void payloadOffset_skipsCsrcsAndHeaderExtension() {
    ByteBuf buf = Unpooled.buffer();
    buf.writeByte(0x80 | 0x10 | 2); // V=2, X, CC=2
    buf.writeByte(0);
    buf.writeShort(1).writeInt(2).writeInt(3);
    buf.writeInt(10).writeInt(11); // CSRCs
    buf.writeShort(0xBEDE).writeShort(1).writeInt(0); // one-word extension
    buf.writeBytes(new byte[] {1, 2, 3});

    assertEquals(12 + 8 + 8, RtpPacket.payloadOffset(buf));
    assertEquals(3, RtpPacket.payloadLength(buf));
    buf.release();
  }

  @Test
  void payloadLength_excludesPadding_andRejectsImpossiblePadding() {
    ByteBuf padded = Unpooled.buffer();
    padded.writeByte(0x80 | 0x20).writeByte(0).writeShort(1).writeInt(2).writeInt(3);
    padded.writeBytes(new byte[] {7, 7, 0, 0, 3});
    assertEquals(2, RtpPacket.payloadLength(padded));

    padded.setByte(padded.writerIndex() - 1, 9);
    assertEquals(-1, RtpPacket.payloadLength(padded));
    padded.release();
  }

  @Test
  void payloadOffset_whenCsrcListIsCutOff_isMinusOne() {
    ByteBuf buf = Unpooled.buffer();
    buf.writeByte(0x80 | 3).writeByte(0).writeShort(1).writeInt(2).writeInt(3).writeInt(4);
    assertEquals(-1, RtpPacket.payloadOffset(buf));
    buf.release();
  }

  @Test
  void serialArithmetic_handlesWrapAround() {
    assertTrue(RtpPacket.isNewerSequence(0, 65535));
    assertFalse(RtpPacket.isNewerSequence(65535, 0));
    assertFalse(RtpPacket.isNewerSequence(5, 5));
    assertTrue(RtpPacket.isLaterTimestamp(10, -10));
    assertTrue(RtpPacket.isLaterTimestamp(Integer.MIN_VALUE, Integer.MAX_VALUE));
  }
}
