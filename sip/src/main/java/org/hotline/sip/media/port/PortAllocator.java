package org.hotline.sip.media.port;

import java.util.BitSet;

/**
 * Hands out the even ports of a range for RTP (RFC 3550 section 11: RTP on an even port, the next
 * odd one left for RTCP), round robin, so a port just released is reused as late as possible and
 * stray packets of an old call do not reach a new one.
 *
 * <p>Thread-safe.
 */
public final class PortAllocator {

  private final int first;
  private final int count;
  private final BitSet used;
  private int cursor;
  private int inUse;

  /**
   * @param portMin lowest port (rounded up to even)
   * @param portMax highest port
   */
  public PortAllocator(int portMin, int portMax) {
    if (portMin < 1 || portMax > 65535 || portMin > portMax) {
      throw new IllegalArgumentException("bad RTP port range " + portMin + "-" + portMax);
    }
    this.first = portMin + (portMin & 1);
    this.count = first > portMax ? 0 : (portMax - first) / 2 + 1;
    if (count == 0) {
      throw new IllegalArgumentException("no even port in RTP range " + portMin + "-" + portMax);
    }
    this.used = new BitSet(count);
  }

  /** Reserves the next free port, or returns -1 when all are taken. */
  public synchronized int reserve() {
    if (inUse == count) {
      return -1;
    }
    int index = used.nextClearBit(cursor);
    if (index >= count) {
      index = used.nextClearBit(0);
    }
    used.set(index);
    inUse++;
    cursor = index + 1 == count ? 0 : index + 1;
    return first + 2 * index;
  }

  /** Gives {@code port} back; ignores ports it did not hand out. */
  public synchronized void release(int port) {
    int index = (port - first) / 2;
    if (port < first || (port - first) % 2 != 0 || index >= count || !used.get(index)) {
      return;
    }
    used.clear(index);
    inUse--;
  }

  /** Ports currently reserved. */
  public synchronized int inUse() {
    return inUse;
  }

  /** How many ports the range holds. */
  public int capacity() {
    return count;
  }
}
