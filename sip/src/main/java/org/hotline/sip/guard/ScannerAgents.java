package org.hotline.sip.guard;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises the User-Agent of SIP scanners and password crackers ({@code friendly-scanner} is what
 * SIPVicious sends by default): fragments matched ignoring case.
 */
final class ScannerAgents {
  private final List<String> fragments;

  /**
   * @param fragments lower-case fragments
   */
  ScannerAgents(List<String> fragments) {
    this.fragments = List.copyOf(fragments);
  }

  /** The fragment {@code userAgent} contains, if it is a scanner's. */
  Optional<String> match(String userAgent) {
    if (userAgent == null || userAgent.isEmpty()) {
      return Optional.empty();
    }
    String ua = userAgent.toLowerCase(Locale.ROOT);
    for (String f : fragments) {
      if (ua.contains(f)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
