package org.hotline.sip.call;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads a key press sent as SIP INFO: {@code application/dtmf-relay} ({@code Signal=5} and {@code
 * Duration=160} lines, as Cisco and most PBXs send) or {@code application/dtmf} (the key alone).
 * Phones fall back to this when they do not send RFC 4733 events.
 */
final class InfoDtmf {
  private InfoDtmf() {}

  /** Whether INFO with this content type carries DTMF. */
  static boolean isDtmf(String type, String subtype) {
    return "application".equalsIgnoreCase(type)
        && ("dtmf-relay".equalsIgnoreCase(subtype) || "dtmf".equalsIgnoreCase(subtype));
  }

  /**
   * The key in an INFO body of {@code subtype}, or empty when the body names none or not a DTMF key
   * ({@code 0-9 * # A-D}).
   */
  static Optional<Character> parse(String subtype, String body) {
    String signal = null;
    if ("dtmf".equalsIgnoreCase(subtype)) {
      signal = body.strip();
    } else {
      for (String line : body.split("\r?\n")) {
        int eq = line.indexOf('=');
        if (eq > 0 && line.substring(0, eq).strip().equalsIgnoreCase("Signal")) {
          signal = line.substring(eq + 1).strip();
        }
      }
    }
    if (signal == null || signal.length() != 1) {
      return Optional.empty();
    }
    char key = signal.toUpperCase(Locale.ROOT).charAt(0);
    boolean valid =
        (key >= '0' && key <= '9') || key == '*' || key == '#' || (key >= 'A' && key <= 'D');
    return valid ? Optional.of(key) : Optional.empty();
  }
}
