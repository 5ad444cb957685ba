package org.hotline.sip.stack;

import gov.nist.javax.sip.message.SIPMessage;

/**
 * What {@link StrictMessageParser} tells {@link MessageScreen} about a message it let through,
 * carried as the message's application data (JAIN-SIP does not use it).
 *
 * @param defect why the request must be refused, or null
 * @param headersAtNanos when the headers of a message with a body arrived over TCP ({@link
 *     System#nanoTime}), or -1: JAIN-SIP hands on a request whose body was cut off by its read
 *     timeout, padded with zeros, as if it were whole
 */
record Screening(Defect defect, long headersAtNanos) {
  static Screening of(SIPMessage message) {
    return message.getApplicationData() instanceof Screening s ? s : new Screening(null, -1);
  }

  static void attach(SIPMessage message, Defect defect) {
    message.setApplicationData(new Screening(defect, of(message).headersAtNanos()));
  }

  static void attachArrival(SIPMessage message, long headersAtNanos) {
    message.setApplicationData(new Screening(of(message).defect(), headersAtNanos));
  }

  /**
   * Whether the body is what the read timeout left: the headers came at least that long ago and the
   * body ends in the zeros JAIN-SIP pads a short read with.
   */
  boolean bodyCutOff(SIPMessage message, long readTimeoutMillis) {
    byte[] body = message.getRawContent();
    return headersAtNanos >= 0
        && body != null
        && body.length > 0
        && body[body.length - 1] == 0
        && System.nanoTime() - headersAtNanos >= (readTimeoutMillis - 100) * 1_000_000;
  }
}
