package org.hotline.sip.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * A view of the RTP fixed header (RFC 3550 section 5.1) in a {@link ByteBuf}, read and written in
 * place at the buffer's reader index; nothing is allocated or copied.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * |                           timestamp                           |
 * |           synchronization source (SSRC) identifier            |
 * </pre>
 */
public final class RtpPacket {

  /** Length of the fixed header, without CSRCs or extension. */
  public static final int FIXED_HEADER_LENGTH = 12;

  /** The RTP version this code speaks. */
  public static final int VERSION = 2;

  private RtpPacket() {}

  /** The version field (2 for RTP). */
  public static int version(ByteBuf buf) {
    return (buf.getUnsignedByte(buf.readerIndex()) >> 6) & 0x03;
  }

  /** The P bit: the last octet counts padding octets. */
  public static boolean hasPadding(ByteBuf buf) {
    return (buf.getByte(buf.readerIndex()) & 0x20) != 0;
  }

  /** The X bit: a header extension follows the CSRC list. */
  public static boolean hasExtension(ByteBuf buf) {
    return (buf.getByte(buf.readerIndex()) & 0x10) != 0;
  }

  /** The CC field: how many CSRC identifiers follow the fixed header. */
  public static int csrcCount(ByteBuf buf) {
    return buf.getByte(buf.readerIndex()) & 0x0F;
  }

  /** The M bit; for audio, the first packet of a talkspurt (RFC 3551 section 4.1). */
  public static boolean marker(ByteBuf buf) {
    return (buf.getByte(buf.readerIndex() + 1) & 0x80) != 0;
  }

  /** The payload type, 0-127. */
  public static int payloadType(ByteBuf buf) {
    return buf.getByte(buf.readerIndex() + 1) & 0x7F;
  }

  /** The sequence number, 0-65535. */
  public static int sequence(ByteBuf buf) {
    return buf.getUnsignedShort(buf.readerIndex() + 2);
  }

  /** The timestamp as the 32 bits it is on the wire; compare with serial arithmetic. */
  public static int timestamp(ByteBuf buf) {
    return buf.getInt(buf.readerIndex() + 4);
  }

  /** The synchronization source identifier. */
  public static int ssrc(ByteBuf buf) {
    return buf.getInt(buf.readerIndex() + 8);
  }

  /** Sets or clears the M bit. */
  public static void setMarker(ByteBuf buf, boolean marker) {
    int i = buf.readerIndex() + 1;
    int b = buf.getByte(i);
    buf.setByte(i, marker ? b | 0x80 : b & 0x7F);
  }

  /** Replaces the payload type, keeping the M bit. */
  public static void setPayloadType(ByteBuf buf, int payloadType) {
    int i = buf.readerIndex() + 1;
    buf.setByte(i, (buf.getByte(i) & 0x80) | (payloadType & 0x7F));
  }

  /** Replaces the sequence number (the low 16 bits of {@code sequence}). */
  public static void setSequence(ByteBuf buf, int sequence) {
    buf.setShort(buf.readerIndex() + 2, sequence);
  }

  /** Replaces the timestamp. */
  public static void setTimestamp(ByteBuf buf, int timestamp) {
    buf.setInt(buf.readerIndex() + 4, timestamp);
  }

  /** Replaces the SSRC. */
  public static void setSsrc(ByteBuf buf, int ssrc) {
    buf.setInt(buf.readerIndex() + 8, ssrc);
  }

  /**
   * Offset of the payload from the reader index: after the CSRC list and the header extension (RFC
   * 3550 section 5.3.1), or -1 when the packet is too short to hold them.
   */
  public static int payloadOffset(ByteBuf buf) {
    int length = buf.readableBytes();
    int offset = FIXED_HEADER_LENGTH + 4 * csrcCount(buf);
    if (hasExtension(buf)) {
      if (length < offset + 4) {
        return -1;
      }
      int extensionWords = buf.getUnsignedShort(buf.readerIndex() + offset + 2);
      offset += 4 + 4 * extensionWords;
    }
    return offset <= length ? offset : -1;
  }

  /**
   * Length of the payload without padding (RFC 3550 section 5.1, P bit: the last octet counts the
   * padding octets, itself included), or -1 when the header or padding is inconsistent.
   */
  public static int payloadLength(ByteBuf buf) {
    int offset = payloadOffset(buf);
    if (offset < 0) {
      return -1;
    }
    int length = buf.readableBytes() - offset;
    if (hasPadding(buf)) {
      if (length == 0) {
        return -1;
      }
      int padding = buf.getUnsignedByte(buf.writerIndex() - 1);
      if (padding == 0 || padding > length) {
        return -1;
      }
      length -= padding;
    }
    return length;
  }

  /** Whether sequence number {@code a} is newer than {@code b} (16-bit serial arithmetic). */
  public static boolean isNewerSequence(int a, int b) {
    return a != b && (short) (a - b) > 0;
  }

  /** Whether timestamp {@code a} is later than {@code b} (32-bit serial arithmetic). */
  public static boolean isLaterTimestamp(int a, int b) {
    return a - b > 0;
  }
}
