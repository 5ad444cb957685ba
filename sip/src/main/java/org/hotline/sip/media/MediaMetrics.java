package org.hotline.sip.media;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.hotline.sip.media.rtp.DropReason;

/**
 * The media layer's meters, shared by all endpoints of a {@link MediaServer}: {@code
 * hotline.rtp.packets.in}, {@code hotline.rtp.packets.out}, {@code hotline.rtp.packets.dropped}
 * (tagged with the {@code reason}), {@code hotline.rtp.rtcp.ignored} and {@code
 * hotline.dtmf.digits}.
 */
public final class MediaMetrics {

  private final Counter packetsIn;
  private final Counter packetsOut;
  private final Map<DropReason, Counter> dropped = new EnumMap<>(DropReason.class);
  private final Counter rtcpIgnored;
  private final Counter digits;

  /** Registers the meters in {@code registry}. */
  public MediaMetrics(MeterRegistry registry) {
    packetsIn =
        Counter.builder("hotline.rtp.packets.in")
            .description("RTP packets accepted from peers")
            .register(registry);
    packetsOut =
        Counter.builder("hotline.rtp.packets.out")
            .description("RTP packets sent to peers, played or relayed")
            .register(registry);
    for (DropReason reason : DropReason.values()) {
      dropped.put(
          reason,
          Counter.builder("hotline.rtp.packets.dropped")
              .description("Datagrams received on RTP ports and not used")
              .tag("reason", reason.tag())
              .register(registry));
    }
    rtcpIgnored =
        Counter.builder("hotline.rtp.rtcp.ignored")
            .description("RTCP packets multiplexed on RTP ports (RFC 5761), read and ignored")
            .register(registry);
    digits =
        Counter.builder("hotline.dtmf.digits")
            .description("DTMF digits received (RFC 4733, in-band tones and SIP INFO)")
            .register(registry);
  }

  /** Counts an RTP packet accepted from a peer. */
  public void packetIn() {
    packetsIn.increment();
  }

  /** Counts an RTP packet sent to a peer. */
  public void packetOut() {
    packetsOut.increment();
  }

  /** Counts a datagram dropped for {@code reason}. */
  public void packetDropped(DropReason reason) {
    dropped.get(reason).increment();
  }

  /** Counts an RTCP packet received on an RTP port and ignored. */
  public void rtcpIgnored() {
    rtcpIgnored.increment();
  }

  /** Counts a DTMF digit received. */
  public void digit() {
    digits.increment();
  }
}
