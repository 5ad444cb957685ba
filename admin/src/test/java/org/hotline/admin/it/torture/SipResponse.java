package org.hotline.admin.it.torture;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A response the server sent, with when it arrived (ms after the message was sent). */
record SipResponse(int status, SipText text, long atMillis) {
  static Optional<SipResponse> parse(byte[] data, int from, long atMillis) {
    SipText t = SipText.read(data, from);
    String[] parts = t.startLine().split(" ", 3);
    if (parts.length < 2 || !parts[0].equals("SIP/2.0")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SipResponse(Integer.parseInt(parts[1]), t, atMillis));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The responses in a TCP byte stream, framed by their Content-Length. */
  static List<SipResponse> parseStream(byte[] data, List<long[]> arrivals) {
    List<SipResponse> out = new ArrayList<>();
    int at = 0;
    while (at < data.length) {
      while (at + 1 < data.length && data[at] == '\r' && data[at + 1] == '\n') {
        at += 2;
      }
      if (at >= data.length) {
        break;
      }
      SipText t = SipText.read(data, at);
      int length = t.first("content-length").map(v -> Integer.parseInt(v.trim())).orElse(0);
      int offset = at;
      long when =
          arrivals.stream().filter(a -> a[0] > offset).mapToLong(a -> a[1]).findFirst().orElse(-1);
      parse(data, at, when).ifPresent(out::add);
      at += t.headerLength() + length;
    }
    return out;
  }

  boolean isFinal() {
    return status >= 200;
  }

  String callId() {
    return text.first("call-id").orElse(null);
  }

  @Override
  public String toString() {
    return text.startLine();
  }
}
