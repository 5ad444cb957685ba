package org.hotline.sip.media.rtp;

import java.util.function.LongSupplier;
import org.hotline.sip.media.MediaMetrics;

/**
 * Packet counts of one endpoint, also added to the server-wide {@link MediaMetrics}, and when the
 * peer was last heard from.
 *
 * <p>Each count is written by one thread only (the event loop that does the counted work) and may
 * be read from any thread.
 */
public final class LegCounters {

  private final MediaMetrics metrics;
  private final LongSupplier nanoClock;
  private volatile long received;
  private volatile long sent;
  private volatile long dropped;
  private volatile long rtcpIgnored;
  private volatile long lastReceivedNanos;

  /** Counters that also feed {@code metrics}, with {@link System#nanoTime} as the clock. */
  public LegCounters(MediaMetrics metrics) {
    this(metrics, System::nanoTime);
  }

  /**
   * Counters that also feed {@code metrics}.
   *
   * @param nanoClock a monotonic clock in nanoseconds, read once per packet received
   */
  public LegCounters(MediaMetrics metrics, LongSupplier nanoClock) {
    this.metrics = metrics;
    this.nanoClock = nanoClock;
    this.lastReceivedNanos = nanoClock.getAsLong();
  }

  /** Counts a packet accepted from the peer (audio, events or comfort noise): a sign of life. */
  public void received() {
    received++;
    lastReceivedNanos = nanoClock.getAsLong();
    metrics.packetIn();
  }

  /** Counts a packet sent to the peer. */
  public void sent() {
    sent++;
    metrics.packetOut();
  }

  /** Counts a datagram dropped for {@code reason}. */
  public void dropped(DropReason reason) {
    dropped++;
    metrics.packetDropped(reason);
  }

  /**
   * Counts an RTCP packet that arrived on the RTP port (RFC 5761 multiplexing): we do not use RTCP,
   * but it is a well-formed packet from a working peer, not an error.
   */
  public void rtcpIgnored() {
    rtcpIgnored++;
    metrics.rtcpIgnored();
  }

  /** Packets accepted from the peer so far. */
  public long receivedCount() {
    return received;
  }

  /** Packets sent to the peer so far. */
  public long sentCount() {
    return sent;
  }

  /** Datagrams dropped so far. */
  public long droppedCount() {
    return dropped;
  }

  /** RTCP packets ignored so far. */
  public long rtcpIgnoredCount() {
    return rtcpIgnored;
  }

  /**
   * The clock's reading when the last packet was accepted from the peer, or when these counters
   * were created if none was yet.
   */
  public long lastReceivedNanos() {
    return lastReceivedNanos;
  }
}
