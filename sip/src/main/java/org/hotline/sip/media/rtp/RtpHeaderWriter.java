package org.hotline.sip.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Writes the 12-byte RTP fixed header (RFC 3550 section 5.1) of packets we originate: version 2, no
 * padding, no extension, no CSRCs.
 */
public final class RtpHeaderWriter {

  private RtpHeaderWriter() {}

  /** Appends a fixed header at the writer index. */
  public static void write(
      ByteBuf out, boolean marker, int payloadType, int sequence, int timestamp, int ssrc) {
    out.writeByte(RtpPacket.VERSION << 6);
    out.writeByte((marker ? 0x80 : 0) | (payloadType & 0x7F));
    out.writeShort(sequence);
    out.writeInt(timestamp);
    out.writeInt(ssrc);
  }
}
