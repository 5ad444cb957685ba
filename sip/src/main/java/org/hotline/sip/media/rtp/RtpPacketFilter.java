package org.hotline.sip.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;

/**
 * The first step of the RTP path: passes on datagrams that are RTP, quietly ignores RTCP, and
 * drops, counts and releases everything else; never throws on bad input.
 *
 * <p>A datagram passes when it holds a whole fixed header with version 2 (RFC 3550 section 5.1, and
 * the validity checks of appendix A.1), its CSRC list, extension and padding fit in it, and its
 * second octet is not an RTCP packet type 200-204 (SR, RR, SDES, BYE, APP). A peer that multiplexes
 * RTCP on the RTP port (RFC 5761 section 4) is told apart this way; its RTCP is counted as ignored,
 * not as dropped, since it is no sign of a broken or hostile peer.
 */
public final class RtpPacketFilter extends ChannelInboundHandlerAdapter {

  private static final int RTCP_FIRST = 200;
  private static final int RTCP_LAST = 204;

  private final LegCounters counters;

  public RtpPacketFilter(LegCounters counters) {
    this.counters = counters;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof DatagramPacket packet)) {
      ReferenceCountUtil.release(msg);
      counters.dropped(DropReason.NOT_RTP);
      return;
    }
    ByteBuf buf = packet.content();
    if (isRtcp(buf)) {
      packet.release();
      counters.rtcpIgnored();
      return;
    }
    DropReason reason = check(buf);
    if (reason != null) {
      packet.release();
      counters.dropped(reason);
      return;
    }
    ctx.fireChannelRead(packet);
  }

  /**
   * Whether {@code buf} looks like RTCP: version 2 and a packet type 200-204 (RFC 5761 section 4).
   * The RTCP header is 8 octets at least (RFC 3550 section 6.4.1).
   */
  static boolean isRtcp(ByteBuf buf) {
    if (buf.readableBytes() < 8 || RtpPacket.version(buf) != RtpPacket.VERSION) {
      return false;
    }
    int secondOctet = buf.getUnsignedByte(buf.readerIndex() + 1);
    return secondOctet >= RTCP_FIRST && secondOctet <= RTCP_LAST;
  }

  /**
   * Why {@code buf} is not an RTP packet we accept, or {@code null} when it is one. RTCP is told
   * apart first, by {@link #isRtcp}.
   */
  static DropReason check(ByteBuf buf) {
    if (buf.readableBytes() < RtpPacket.FIXED_HEADER_LENGTH
        || RtpPacket.version(buf) != RtpPacket.VERSION) {
      return DropReason.NOT_RTP;
    }
    if (RtpPacket.payloadLength(buf) < 0) {
      return DropReason.NOT_RTP;
    }
    return null;
  }
}
