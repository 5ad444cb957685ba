package org.hotline.sip.media.rtp;

import org.hotline.sip.media.MediaMetrics;

/**
 * Packet counts of one endpoint, also added to the server-wide {@link MediaMetrics}.
 *
 * <p>Each count is written by one thread only (the event loop that does the counted work) and
 * may be read from any thread.
 */
public final class LegCounters {

  private final MediaMetrics metrics;
  private volatile long received;
  private volatile long sent;
  private volatile long dropped;

  /** Counters that also feed {@code metrics}. */
  public LegCounters(MediaMetrics metrics) {
    this.metrics = metrics;
  }

  /** Counts a packet accepted from the peer. */
  public void received() {
    received++;
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
}
