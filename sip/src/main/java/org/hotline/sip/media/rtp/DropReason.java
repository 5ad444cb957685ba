package org.hotline.sip.media.rtp;

/** Why a datagram received on an RTP port was not used; the {@code reason} tag of the counter. */
public enum DropReason {
  /** Not RTP version 2, shorter than the fixed header, or an inconsistent header. */
  NOT_RTP("not-rtp"),
  /** From an address other than the one the endpoint latched to (strict RTP). */
  FOREIGN_SOURCE("foreign-source"),
  /**
   * A payload type the other leg of a bridge cannot take: not G.711, or telephone-events for a peer
   * that has none. Comfort noise is not counted here: it is expected, and simply not relayed.
   */
  UNSUPPORTED_PAYLOAD("unsupported-payload");

  private final String tag;

  DropReason(String tag) {
    this.tag = tag;
  }

  /** The value of the meter's {@code reason} tag. */
  public String tag() {
    return tag;
  }
}
