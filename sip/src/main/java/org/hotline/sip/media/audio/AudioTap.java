package org.hotline.sip.media.audio;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import org.hotline.sip.media.Codec;
import org.hotline.sip.media.g711.G711;
import org.hotline.sip.media.rtp.RtpPacket;

/**
 * The step of the RTP path that lets the endpoint listen to what the peer says: it decodes the
 * G.711 payload of each packet into one reused array of linear samples and hands them to up to two
 * {@link AudioSink}s, the in-band DTMF detector and a recording, then passes the packet on
 * untouched (a bridge relays it as it came).
 *
 * <p>Nothing is decoded while neither sink is set, which is the usual case of a bridged call whose
 * peer sends RFC 4733 events. Only G.711 payloads are decoded: telephone-events and comfort noise
 * are not audio, and a recording fills such pauses from the RTP timestamps. A payload longer than
 * the array is handed over in pieces, each with its own timestamp.
 *
 * <p>Confined to the channel's event loop; allocates nothing per packet.
 */
public final class AudioTap extends ChannelInboundHandlerAdapter {

  /** Samples decoded at a time: one 60 ms packet, the longest ptime phones commonly use. */
  static final int CHUNK = 480;

  private final byte[] encoded = new byte[CHUNK];
  private final short[] samples = new short[CHUNK];
  private AudioSink detector;
  private AudioSink recording;

  /** Feeds the in-band DTMF detector from now on, or stops when {@code null}. */
  public void setDetector(AudioSink detector) {
    this.detector = detector;
  }

  /** Feeds a recording from now on, or stops when {@code null}. */
  public void setRecording(AudioSink recording) {
    this.recording = recording;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (detector != null || recording != null) {
      decode(((DatagramPacket) msg).content());
    }
    ctx.fireChannelRead(msg);
  }

  private void decode(ByteBuf buf) {
    Codec codec = Codec.forPayloadType(RtpPacket.payloadType(buf));
    if (codec == null) {
      return;
    }
    int ssrc = RtpPacket.ssrc(buf);
    int timestamp = RtpPacket.timestamp(buf);
    int start = buf.readerIndex() + RtpPacket.payloadOffset(buf);
    int length = RtpPacket.payloadLength(buf);
    for (int done = 0; done < length; done += CHUNK) {
      int count = Math.min(CHUNK, length - done);
      // One bulk copy instead of a bounds-checked read per byte.
      buf.getBytes(start + done, encoded, 0, count);
      G711.decode(codec, encoded, samples, count);
      // A sink may unset itself (a recording that just filled up): read the fields each time.
      if (detector != null) {
        detector.audio(ssrc, timestamp + done, samples, count);
      }
      if (recording != null) {
        recording.audio(ssrc, timestamp + done, samples, count);
      }
    }
  }
}
