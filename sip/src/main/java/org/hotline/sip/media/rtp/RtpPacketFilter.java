package org.hotline.sip.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;

/**
 * The first step of the RTP path: passes on datagrams that are RTP and drops, counts and
 * releases everything else; never throws on bad input.
 *
 * <p>A datagram passes when it holds a whole fixed header with version 2 (RFC 3550 section 5.1,
 * and the validity checks of appendix A.1), its CSRC list, extension and padding fit in it, and
 * its second octet is not an RTCP packet type 200-204 (SR, RR, SDES, BYE, APP): a peer that
 * multiplexes RTCP on the RTP port is told apart this way (RFC 5761 section 4).
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
    DropReason reason = check(packet.content());
    if (reason != null) {
      packet.release();
      counters.dropped(reason);
      return;
    }
    ctx.fireChannelRead(packet);
  }

  /** Why {@code buf} is not an RTP packet we accept, or {@code null} when it is one. */
  static DropReason check(ByteBuf buf) {
    if (buf.readableBytes() < RtpPacket.FIXED_HEADER_LENGTH
        || RtpPacket.version(buf) != RtpPacket.VERSION) {
      return DropReason.NOT_RTP;
    }
    int secondOctet = buf.getUnsignedByte(buf.readerIndex() + 1);
    if (secondOctet >= RTCP_FIRST && secondOctet <= RTCP_LAST) {
      return DropReason.RTCP;
    }
    if (RtpPacket.payloadLength(buf) < 0) {
      return DropReason.NOT_RTP;
    }
    return null;
  }
}
