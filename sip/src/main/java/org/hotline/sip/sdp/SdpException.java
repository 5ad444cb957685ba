package org.hotline.sip.sdp;

/**
 * An SDP body that does not parse, or an offer or answer we cannot accept; the signalling maps it
 * to {@code 488 Not Acceptable Here}. The message says what was wrong, for the log.
 */
public final class SdpException extends Exception {

  public SdpException(String message) {
    super(message);
  }
}
