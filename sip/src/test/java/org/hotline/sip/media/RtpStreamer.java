package org.hotline.sip.media;

import static org.hotline.sip.media.RtpFixtures.datagram;
import static org.hotline.sip.media.RtpFixtures.event;
import static org.hotline.sip.media.RtpFixtures.rtp;

import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;

/** A phone sending G.711 audio as RTP into an embedded endpoint channel, packet by packet. */
public final class RtpStreamer {

  private final EmbeddedChannel channel;
  private final InetSocketAddress from;
  private final Codec codec;
  private final int packetSamples;
  private final int ssrc;
  private int sequence = 1000;
  private int timestamp = 50_000;
  private boolean first = true;

  /**
   * @param packetSamples 80 for 10 ms packets, 160 for 20 ms, up to 480 for 60 ms
   */
  public RtpStreamer(
      EmbeddedChannel channel, InetSocketAddress from, Codec codec, int packetSamples, int ssrc) {
    this.channel = channel;
    this.from = from;
    this.codec = codec;
    this.packetSamples = packetSamples;
    this.ssrc = ssrc;
  }

  /** Sends the audio in packets (the last one shorter if it must be). */
  public RtpStreamer send(short[] audio) {
    for (int at = 0; at < audio.length; at += packetSamples) {
      int count = Math.min(packetSamples, audio.length - at);
      channel.writeInbound(
          datagram(
              rtp(
                  codec.payloadType(),
                  sequence++,
                  timestamp,
                  ssrc,
                  first,
                  AudioFixtures.encode(codec, audio, at, count)),
              from));
      timestamp += count;
      first = false;
    }
    return this;
  }

  /** Leaves out {@code samples} worth of packets, as if they were lost on the way. */
  public RtpStreamer lose(int samples) {
    sequence += (samples + packetSamples - 1) / packetSamples;
    timestamp += samples;
    return this;
  }

  /** Sends one comfort noise packet (RFC 3389) standing for {@code samples} of pause. */
  public RtpStreamer comfortNoise(int samples) {
    channel.writeInbound(
        datagram(
            rtp(Codec.COMFORT_NOISE_PT, sequence++, timestamp, ssrc, false, new byte[] {50}),
            from));
    timestamp += samples;
    return this;
  }

  /** Sends an RFC 4733 key press: two updates and the three end packets. */
  public RtpStreamer key(int payloadType, int code) {
    int start = timestamp;
    for (int i = 0; i < 5; i++) {
      boolean end = i >= 2;
      channel.writeInbound(
          datagram(
              rtp(
                  payloadType,
                  sequence++,
                  start,
                  ssrc,
                  i == 0,
                  event(code, end, end ? 800 : 160 * (i + 1))),
              from));
    }
    timestamp += 800;
    return this;
  }

  public int timestamp() {
    return timestamp;
  }
}
