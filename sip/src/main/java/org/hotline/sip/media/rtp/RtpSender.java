package org.hotline.sip.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.hotline.sip.media.Codec;
import org.hotline.sip.media.g711.G711;

/**
 * Sends RTP to one endpoint's peer through the endpoint's channel: our own 20 ms frames, and
 * packets relayed from the other leg of a bridge, all through one {@link StreamRewriter}.
 *
 * <p>Confined to the channel's event loop: callers on another loop hand the work over first (see
 * {@link Relay}).
 */
public final class RtpSender {

  private static final int FRAME_PACKET_LENGTH =
      RtpPacket.FIXED_HEADER_LENGTH + Codec.SAMPLES_PER_FRAME;

  private final Channel channel;
  private final SourceLatch latch;
  private final StreamRewriter stream;
  private final LegCounters counters;
  private Codec codec = Codec.PCMU;
  private int telephoneEventPt = -1;
  private boolean localMediaActive;
  private boolean sendEnabled = true;
  private boolean gap = true;

  /** Payload bytes being transcoded; 60 ms, the longest ptime phones commonly use. */
  private final byte[] scratch = new byte[480];

  public RtpSender(
      Channel channel, SourceLatch latch, StreamRewriter stream, LegCounters counters) {
    this.channel = channel;
    this.latch = latch;
    this.stream = stream;
    this.counters = counters;
  }

  /** Sets the codec and telephone-event payload type negotiated with this peer. */
  public void configure(Codec codec, int telephoneEventPt) {
    this.codec = codec;
    this.telephoneEventPt = telephoneEventPt;
  }

  public Codec codec() {
    return codec;
  }

  /** The peer's telephone-event payload type, or -1 when it has none. */
  public int telephoneEventPt() {
    return telephoneEventPt;
  }

  public EventLoop eventLoop() {
    return channel.eventLoop();
  }

  public StreamRewriter stream() {
    return stream;
  }

  /**
   * Whether our own media (a prompt) owns the stream; relayed packets are dropped meanwhile, and
   * relaying resumes as a new talkspurt afterwards.
   */
  public void setLocalMediaActive(boolean active) {
    localMediaActive = active;
    if (!active) {
      stream.resync();
    }
  }

  /**
   * Whether we may send to the peer at all; off while the peer holds the call ({@code a=sendonly}
   * or {@code a=inactive} in its SDP, RFC 3264 section 8.4).
   */
  public void setSendEnabled(boolean enabled) {
    if (enabled && !sendEnabled) {
      stream.resync();
    }
    sendEnabled = enabled;
  }

  /**
   * Sends one 20 ms frame of our own, converted to the peer's law if needed; skipped while there is
   * nowhere to send (no address yet, or on hold).
   *
   * @param talkspurtStart whether this is the first frame of a prompt
   */
  public void sendFrame(byte[] audio, int offset, Codec audioCodec, boolean talkspurtStart) {
    InetSocketAddress destination = latch.destination();
    if (!sendEnabled || destination == null || !channel.isActive()) {
      gap = true;
      return;
    }
    ByteBuf out = channel.alloc().directBuffer(FRAME_PACKET_LENGTH);
    stream.writeOwnHeader(out, codec.payloadType(), talkspurtStart || gap);
    byte[] table = G711.transcodingTable(audioCodec, codec);
    if (table == null) {
      out.writeBytes(audio, offset, Codec.SAMPLES_PER_FRAME);
    } else {
      for (int i = offset; i < offset + Codec.SAMPLES_PER_FRAME; i++) {
        out.writeByte(table[audio[i] & 0xFF]);
      }
    }
    gap = false;
    write(out, destination);
  }

  /**
   * Sends a packet received on the other leg of a bridge, taking over the caller's reference to it.
   * The buffer itself goes out: its header is rewritten in place, and a payload of the other G.711
   * law is converted in place through a 256-entry table, so nothing is copied. Packets of any
   * length (10 to 60 ms and more) keep their own timestamps, see {@link StreamRewriter}. Comfort
   * noise is released unsent; other payloads the peer cannot take are dropped and counted.
   *
   * @param fromTelephoneEventPt the telephone-event payload type of the leg it came from
   */
  public void relay(ByteBuf packet, int fromTelephoneEventPt) {
    InetSocketAddress destination = latch.destination();
    if (localMediaActive || !sendEnabled || destination == null || !channel.isActive()) {
      packet.release();
      return;
    }
    int payloadType = RtpPacket.payloadType(packet);
    if (payloadType == fromTelephoneEventPt) {
      // RFC 4733 section 2.5.1.1: events go with the payload type the receiver negotiated.
      if (telephoneEventPt < 0) {
        drop(packet);
        return;
      }
      RtpPacket.setPayloadType(packet, telephoneEventPt);
    } else if (payloadType == Codec.COMFORT_NOISE_PT) {
      // We never negotiate comfort noise (RFC 3389), so no peer of ours takes it; it is part of
      // a healthy stream, though, so it is not counted as dropped. The peer hears the pause as
      // silence, and the next audio packet resumes with the timestamp advanced accordingly.
      packet.release();
      return;
    } else {
      Codec from = Codec.forPayloadType(payloadType);
      if (from == null) {
        drop(packet);
        return;
      }
      byte[] table = G711.transcodingTable(from, codec);
      if (table != null) {
        transcode(packet, table);
        RtpPacket.setPayloadType(packet, codec.payloadType());
      }
    }
    stream.rewriteRelayed(packet);
    write(packet, destination);
  }

  private void transcode(ByteBuf packet, byte[] table) {
    int start = packet.readerIndex() + RtpPacket.payloadOffset(packet);
    int length = RtpPacket.payloadLength(packet);
    // Through a reused array: one bulk copy each way instead of a checked access per byte.
    for (int done = 0; done < length; done += scratch.length) {
      int count = Math.min(scratch.length, length - done);
      packet.getBytes(start + done, scratch, 0, count);
      for (int i = 0; i < count; i++) {
        scratch[i] = table[scratch[i] & 0xFF];
      }
      packet.setBytes(start + done, scratch, 0, count);
    }
  }

  private void drop(ByteBuf packet) {
    packet.release();
    counters.dropped(DropReason.UNSUPPORTED_PAYLOAD);
  }

  private void write(ByteBuf packet, InetSocketAddress destination) {
    counters.sent();
    // The envelope is how an unconnected UDP channel learns the destination; the void promise
    // saves a future per packet (failures reach the pipeline's exceptionCaught instead).
    channel.writeAndFlush(new DatagramPacket(packet, destination), channel.voidPromise());
  }
}
