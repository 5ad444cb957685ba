package org.hotline.admin.http;

import java.util.regex.Pattern;

/**
 * A request URI as it may be logged: the value of every {@code token} query parameter replaced by
 * {@code ***}. The {@code /cti} handshake may carry the session token in its query, and a log line
 * goes to files and collectors where it would let anyone reading them act as the user.
 */
final class LoggedUri {
  /**
   * {@code token=} at the start of the query or of a parameter, and its value up to the next {@code
   * &}.
   */
  private static final Pattern TOKEN = Pattern.compile("(?i)(^|[?&;\\s])(token=)[^&;\\s]*");

  private LoggedUri() {}

  /** {@code text} (a URI, or a message quoting one) with every token's value hidden. */
  static String redact(String text) {
    return text == null ? null : TOKEN.matcher(text).replaceAll("$1$2***");
  }
}
