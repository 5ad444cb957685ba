package org.hotline.sip.media.rtp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import org.hotline.sip.media.audio.AudioTap;
import org.hotline.sip.media.dtmf.DtmfEventReader;

/**
 * Assembles the inbound RTP path of one endpoint's channel, in order:
 *
 * <ol>
 *   <li>{@link RtpPacketFilter}: only RTP goes on, the rest is counted and dropped;
 *   <li>{@link SourceLatch}: symmetric RTP latches to the peer, strict RTP drops strangers;
 *   <li>{@link DtmfEventReader}: RFC 4733 events become digits;
 *   <li>{@link AudioTap}: the audio is decoded for the in-band DTMF detector and a recording, when
 *       either listens;
 *   <li>{@link Relay}: counts the packet and relays it to the bridged leg, or releases it.
 * </ol>
 *
 * <p>Outbound there are no handlers: {@link RtpSender} writes finished datagrams.
 */
public final class RtpChannelInitializer extends ChannelInitializer<Channel> {

  private final RtpPacketFilter filter;
  private final SourceLatch latch;
  private final DtmfEventReader dtmf;
  private final AudioTap tap;
  private final Relay relay;

  /** Takes the handlers of one channel; they are not shared with any other. */
  public RtpChannelInitializer(
      RtpPacketFilter filter, SourceLatch latch, DtmfEventReader dtmf, AudioTap tap, Relay relay) {
    this.filter = filter;
    this.latch = latch;
    this.dtmf = dtmf;
    this.tap = tap;
    this.relay = relay;
  }

  @Override
  protected void initChannel(Channel channel) {
    channel
        .pipeline()
        .addLast("rtp-filter", filter)
        .addLast("source-latch", latch)
        .addLast("dtmf", dtmf)
        .addLast("audio-tap", tap)
        .addLast("relay", relay);
  }
}
