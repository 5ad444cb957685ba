package org.hotline.sip.stack;

import java.net.InetAddress;

/**
 * What the SIP intake asks before it spends anything on a datagram, and tells when it drops one.
 * Called on the socket's one reading thread for every packet: answers must be a lookup, no more.
 */
public interface IntakeGate {
  /** Why a packet was dropped before it was parsed. */
  enum DropReason {
    /** Its source is banned. */
    BANNED,
    /** The intake queue was full. */
    INTAKE_FULL
  }

  /** Whether packets from {@code source} are dropped unread. */
  boolean banned(InetAddress source);

  /** A packet was dropped before it was parsed. */
  void dropped(DropReason reason);

  /** Lets everything in and counts nothing. */
  IntakeGate OPEN =
      new IntakeGate() {
        @Override
        public boolean banned(InetAddress source) {
          return false;
        }

        @Override
        public void dropped(DropReason reason) {}
      };
}
