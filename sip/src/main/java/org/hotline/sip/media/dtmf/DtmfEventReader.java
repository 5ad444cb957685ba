package org.hotline.sip.media.dtmf;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import org.hotline.sip.media.rtp.RtpPacket;

/**
 * The step of the RTP path that turns RFC 4733 telephone-event packets into digits, exactly one per
 * key press, and passes every packet on (a bridge relays events too).
 *
 * <p>All packets of one event carry the same RTP timestamp, the event's start (section 2.5.1.2),
 * which identifies it. A digit is reported on the first packet of its event that has the E bit: the
 * end packet is sent three times (section 2.5.1.4) and a later packet with an already reported
 * timestamp is a duplicate, whatever it says. Reporting at the end rather than at the start means
 * an event whose first packets were lost is still reported. When all end packets were lost, the
 * digit is reported as soon as another event begins, unless that is just the next segment of the
 * same long-lasting event (sections 2.5.1.3 and 2.5.2.3: same code, timestamp advanced by the
 * previous segment's duration).
 *
 * <p>Only the first event block of a packet is read (no RFC 2198 redundancy). Confined to the
 * channel's event loop.
 */
public final class DtmfEventReader extends ChannelInboundHandlerAdapter {

  private final DigitSink sink;
  private int payloadType = -1;

  private boolean tracking;
  private int ssrc;
  private int timestamp;
  private int event;
  private int duration;
  private boolean reported;

  public DtmfEventReader(DigitSink sink) {
    this.sink = sink;
  }

  /** The telephone-event payload type negotiated with the peer, or -1 for none. */
  public void setPayloadType(int payloadType) {
    this.payloadType = payloadType;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf buf = ((DatagramPacket) msg).content();
    if (payloadType >= 0 && RtpPacket.payloadType(buf) == payloadType) {
      read(buf);
    }
    ctx.fireChannelRead(msg);
  }

  private void read(ByteBuf buf) {
    if (RtpPacket.payloadLength(buf) < TelephoneEvent.LENGTH) {
      return;
    }
    int offset = buf.readerIndex() + RtpPacket.payloadOffset(buf);
    int code = TelephoneEvent.event(buf, offset);
    if (TelephoneEvent.digit(code) == 0) {
      return;
    }
    boolean end = TelephoneEvent.isEnd(buf, offset);
    int packetDuration = TelephoneEvent.duration(buf, offset);
    int packetSsrc = RtpPacket.ssrc(buf);
    int packetTimestamp = RtpPacket.timestamp(buf);

    if (tracking && packetSsrc == ssrc) {
      if (packetTimestamp == timestamp) {
        if (!reported) {
          duration = packetDuration;
          if (end) {
            report();
          }
        }
        return;
      }
      if (RtpPacket.isLaterTimestamp(timestamp, packetTimestamp)) {
        // A late packet of an earlier event, overtaken by the current one: already handled.
        return;
      }
      if (code == event && packetTimestamp == timestamp + duration) {
        // The next segment of a long-lasting event: the same key press, not a new one.
        timestamp = packetTimestamp;
        duration = packetDuration;
        if (end && !reported) {
          report();
        }
        return;
      }
      if (!reported) {
        report();
      }
    }
    tracking = true;
    ssrc = packetSsrc;
    timestamp = packetTimestamp;
    event = code;
    duration = packetDuration;
    reported = false;
    if (end) {
      report();
    }
  }

  private void report() {
    reported = true;
    sink.digit(TelephoneEvent.digit(event));
  }
}
