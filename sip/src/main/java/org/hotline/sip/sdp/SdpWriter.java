package org.hotline.sip.sdp;

import org.hotline.sip.media.Codec;

/**
 * Writes our SDP bodies (RFC 8866), CRLF-terminated: one audio stream of G.711 with 20 ms packets,
 * and RFC 4733 telephone-events for the DTMF digits (events 0-16, section 2.4.1).
 */
final class SdpWriter {

  private final StringBuilder text = new StringBuilder(320);

  /** Starts with the session part: {@code v=}, {@code o=}, {@code s=}, {@code c=}, {@code t=}. */
  SdpWriter(String localAddress, long sessionId, long sessionVersion) {
    String addressType = localAddress.indexOf(':') >= 0 ? "IP6" : "IP4";
    line("v=0");
    line(
        "o=hotline "
            + sessionId
            + " "
            + sessionVersion
            + " IN "
            + addressType
            + " "
            + localAddress);
    line("s=hotline");
    line("c=IN " + addressType + " " + localAddress);
    line("t=0 0");
  }

  /** Adds our audio stream: the codecs in order of preference, then telephone-event if any. */
  SdpWriter audio(int port, String proto, Codec[] codecs, int telephoneEventPt, String direction) {
    StringBuilder m = new StringBuilder("m=audio ").append(port).append(' ').append(proto);
    for (Codec codec : codecs) {
      m.append(' ').append(codec.payloadType());
    }
    if (telephoneEventPt >= 0) {
      m.append(' ').append(telephoneEventPt);
    }
    line(m.toString());
    for (Codec codec : codecs) {
      line("a=rtpmap:" + codec.payloadType() + " " + codec.encodingName() + "/" + Codec.CLOCK_RATE);
    }
    if (telephoneEventPt >= 0) {
      line("a=rtpmap:" + telephoneEventPt + " telephone-event/" + Codec.CLOCK_RATE);
      line("a=fmtp:" + telephoneEventPt + " 0-16");
    }
    line("a=ptime:20");
    line("a=" + direction);
    return this;
  }

  /** Adds a rejected stream (RFC 3264 section 6: port zero, the offered formats). */
  SdpWriter rejected(MediaDescription offered) {
    StringBuilder m =
        new StringBuilder("m=").append(offered.media).append(" 0 ").append(offered.proto);
    if (offered.formats.isEmpty()) {
      m.append(" 0");
    }
    for (String format : offered.formats) {
      m.append(' ').append(format);
    }
    line(m.toString());
    return this;
  }

  private void line(String line) {
    text.append(line).append("\r\n");
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
