package org.hotline.sip.media.rtp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step of the RTP path that decides where the peer really is: symmetric RTP (RFC 4961) and
 * strict RTP.
 *
 * <p>Until a packet arrives, media goes to the address the peer signalled in SDP. The first RTP
 * packet latches the endpoint to its source address, which is where media goes from then on, since
 * a phone behind NAT is reachable only at the address its packets come from. Once latched, packets
 * from any other source are dropped, so a stranger cannot inject or hijack the stream.
 *
 * <p>Confined to the channel's event loop.
 */
public final class SourceLatch extends ChannelInboundHandlerAdapter {

  private static final Logger log = LoggerFactory.getLogger(SourceLatch.class);

  private final LegCounters counters;
  private InetSocketAddress signalled;
  private InetSocketAddress latched;

  public SourceLatch(LegCounters counters) {
    this.counters = counters;
  }

  /**
   * Takes the address from the peer's SDP. A different address than before (a re-INVITE moved the
   * media, or put it on hold with {@code 0.0.0.0}) unlatches, so the new source can latch.
   */
  public void expect(InetSocketAddress remote) {
    if (signalled != null && !signalled.equals(remote)) {
      latched = null;
    }
    signalled = remote;
  }

  /** Where to send: the latched source, else the signalled address, else {@code null}. */
  public InetSocketAddress destination() {
    if (latched != null) {
      return latched;
    }
    return isUsable(signalled) ? signalled : null;
  }

  /** The latched source, or {@code null} before the first packet. */
  public InetSocketAddress latched() {
    return latched;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    DatagramPacket packet = (DatagramPacket) msg;
    InetSocketAddress source = packet.sender();
    if (latched == null) {
      latched = source;
      log.debug(
          "RTP on {} latched to {} (signalled {})",
          ctx.channel().localAddress(),
          source,
          signalled);
    } else if (!latched.equals(source)) {
      packet.release();
      counters.dropped(DropReason.FOREIGN_SOURCE);
      return;
    }
    ctx.fireChannelRead(packet);
  }

  /** Whether media may be sent to {@code address}: not absent, not {@code 0.0.0.0} (hold). */
  private static boolean isUsable(InetSocketAddress address) {
    return address != null
        && address.getPort() != 0
        && !address.isUnresolved()
        && !address.getAddress().isAnyLocalAddress();
  }
}
