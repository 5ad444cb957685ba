package org.hotline.sip.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of the RTP path: counts the accepted packet and, while the endpoint is bridged,
 * hands the very same buffer to the other leg's {@link RtpSender}; otherwise releases it.
 *
 * <p>When both legs' channels share an event loop (the usual case, see {@code
 * MediaServer.allocateBeside}) the packet is sent inline; otherwise it is handed to the other loop
 * as a task, which keeps each leg's stream state confined to its own loop.
 */
public final class Relay extends ChannelInboundHandlerAdapter {

  private static final Logger log = LoggerFactory.getLogger(Relay.class);

  private final LegCounters counters;
  private final RtpSender self;
  private RtpSender target;

  /**
   * @param self this leg's sender, for the telephone-event payload type negotiated with our peer
   */
  public Relay(LegCounters counters, RtpSender self) {
    this.counters = counters;
    this.self = self;
  }

  /** Relays to {@code other} from now on, or stops relaying when {@code null}. */
  public void setTarget(RtpSender other) {
    this.target = other;
  }

  public RtpSender target() {
    return target;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    DatagramPacket packet = (DatagramPacket) msg;
    counters.received();
    RtpSender to = target;
    if (to == null) {
      packet.release();
      return;
    }
    ByteBuf content = packet.content();
    int telephoneEventPt = self.telephoneEventPt();
    if (to.eventLoop().inEventLoop()) {
      to.relay(content, telephoneEventPt);
      return;
    }
    try {
      to.eventLoop().execute(() -> to.relay(content, telephoneEventPt));
    } catch (RejectedExecutionException shuttingDown) {
      content.release();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // The end of the pipeline: a failed send (host unreachable, buffer full) is not worth more
    // than a debug line, and must not reach Netty's tail handler as a warning per packet.
    log.debug("RTP error on {}: {}", ctx.channel().localAddress(), cause.toString());
  }
}
