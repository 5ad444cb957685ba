package org.hotline.sip.stack;

/**
 * One pass over a raw message's start line and header names, allocating nothing, that tells whether
 * the message is plainly free of what {@link RawHeaders} looks for: its version is {@code SIP/2.0}
 * and no header that may appear once appears twice.
 *
 * <p>Every message is checked, so the common case must cost little; {@link RawHeaders} builds
 * strings for each line and is used only when this scan is not sure. The scan answers {@code true}
 * only when {@link RawHeaders} would find nothing; anything unusual (a version written otherwise, a
 * header name it does not read to its end) answers {@code false}, and the full reading decides.
 */
final class HeaderScan {
  private static final byte[] VERSION = {'S', 'I', 'P', '/', '2', '.', '0'};

  private HeaderScan() {}

  /** Whether {@code m} surely has version SIP/2.0 and no single-valued header twice. */
  static boolean plain(byte[] m) {
    int at = 0;
    while (at < m.length && (m[at] == '\r' || m[at] == '\n')) {
      at++; // keep-alive CRLFs before the start line
    }
    int lineEnd = lineEnd(m, at);
    if (!plainVersion(m, at, lineEnd)) {
      return false;
    }
    int seen = 0;
    boolean header = false;
    at = next(m, lineEnd);
    while (at < m.length) {
      int end = lineEnd(m, at);
      if (end == at) {
        return true; // the empty line that ends the headers
      }
      byte first = m[at];
      if (first == ' ' || first == '\t') {
        if (!header) {
          return false; // a folded line with no header before it to belong to
        }
      } else {
        header = true;
        int bit = singleHeader(m, at, end);
        if (bit < 0) {
          return false;
        }
        if ((seen & bit) != 0) {
          return false;
        }
        seen |= bit;
      }
      at = next(m, end);
    }
    return true;
  }

  /**
   * Where the line starting at {@code at} ends: its CR of CRLF, its bare LF, or the message's end.
   */
  private static int lineEnd(byte[] m, int at) {
    int i = at;
    while (i < m.length && m[i] != '\n') {
      i++;
    }
    return i > at && m[i - 1] == '\r' ? i - 1 : i;
  }

  /** Where the line after the one ending at {@code end} starts. */
  private static int next(byte[] m, int end) {
    int i = end;
    if (i < m.length && m[i] == '\r') {
      i++;
    }
    return i < m.length && m[i] == '\n' ? i + 1 : m.length;
  }

  /** A status line starting {@code SIP/2.0 }, or a request line ending {@code SIP/2.0}. */
  private static boolean plainVersion(byte[] m, int start, int end) {
    if (end - start > VERSION.length && matches(m, start, VERSION)) {
      return m[start + VERSION.length] == ' ';
    }
    int from = end - VERSION.length;
    return from > start && m[from - 1] == ' ' && matches(m, from, VERSION);
  }

  private static boolean matches(byte[] m, int at, byte[] word) {
    for (int i = 0; i < word.length; i++) {
      if (upper(m[at + i]) != word[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The bit of the single-valued header named at the start of the line {@code [start, end)}, 0 for
   * any other header, -1 when the name is not followed by a colon as the scan expects.
   */
  private static int singleHeader(byte[] m, int start, int end) {
    int i = start;
    while (i < end && m[i] != ':' && m[i] != ' ' && m[i] != '\t') {
      i++;
    }
    int nameEnd = i;
    while (i < end && (m[i] == ' ' || m[i] == '\t')) {
      i++;
    }
    if (i >= end || m[i] != ':' || nameEnd == start) {
      return -1;
    }
    int length = nameEnd - start;
    if (length == 1) {
      return switch (lower(m[start])) {
        case 'i' -> 1; // Call-ID
        case 'f' -> 4; // From
        case 't' -> 8; // To
        case 'l' -> 32; // Content-Length
        case 'c' -> 64; // Content-Type
        default -> 0;
      };
    }
    if (named(m, start, length, "call-id")) {
      return 1;
    }
    if (named(m, start, length, "cseq")) {
      return 2;
    }
    if (named(m, start, length, "from")) {
      return 4;
    }
    if (named(m, start, length, "to")) {
      return 8;
    }
    if (named(m, start, length, "max-forwards")) {
      return 16;
    }
    if (named(m, start, length, "content-length")) {
      return 32;
    }
    if (named(m, start, length, "content-type")) {
      return 64;
    }
    return 0;
  }

  private static boolean named(byte[] m, int start, int length, String name) {
    if (length != name.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (lower(m[start + i]) != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int upper(byte b) {
    return b >= 'a' && b <= 'z' ? b - 32 : b;
  }

  private static int lower(byte b) {
    return b >= 'A' && b <= 'Z' ? b + 32 : b;
  }
}
