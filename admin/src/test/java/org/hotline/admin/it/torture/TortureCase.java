package org.hotline.admin.it.torture;

import java.util.Locale;

/**
 * One torture message sent one way: over UDP as one datagram (every message), or over TCP (those
 * whose verdict depends on Content-Length framing a stream).
 *
 * @param lane which server instance it goes to (see {@link TortureCorpus#lanes})
 */
record TortureCase(String file, byte[] bytes, Transport transport, Verdict verdict, int lane) {
  enum Transport {
    UDP,
    TCP
  }

  TortureCase(String file, byte[] bytes, Transport transport, Verdict verdict) {
    this(file, bytes, transport, verdict, 0);
  }

  TortureCase inLane(int lane) {
    return new TortureCase(file, bytes, transport, verdict, lane);
  }

  SipText text() {
    return SipText.read(bytes, 0);
  }

  /** The Call-ID the message carries first, or null (insuf.dat has none). */
  String callId() {
    return text().first("call-id").orElse(null);
  }

  /** What JAIN-SIP keys the server transaction on: an RFC 3261 branch, else the message itself. */
  String branchKey() {
    return text()
        .topBranch()
        .filter(b -> b.toLowerCase(Locale.ROOT).startsWith("z9hg4bk"))
        .map(b -> b.toLowerCase(Locale.ROOT))
        .orElse(file);
  }

  @Override
  public String toString() {
    return file + " over " + transport + " (lane " + lane + "): " + verdict.describe();
  }
}
