package org.hotline.admin.it.torture;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The start line and headers of a SIP message, read leniently (unfolded, compact forms expanded,
 * names in lower case): enough for a test to find a Call-ID, a branch or a header of a response.
 */
record SipText(String startLine, List<Map.Entry<String, String>> headers, int headerLength) {
  private static final Map<String, String> COMPACT =
      Map.of(
          "i",
          "call-id",
          "v",
          "via",
          "f",
          "from",
          "t",
          "to",
          "l",
          "content-length",
          "c",
          "content-type",
          "k",
          "supported",
          "m",
          "contact");

  /**
   * Reads the header section starting at {@code from}; {@code headerLength} counts up to the empty
   * line.
   */
  static SipText read(byte[] data, int from) {
    String text = new String(data, from, data.length - from, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    List<String> lines = new ArrayList<>();
    for (String line : head.split("\r\n", -1)) {
      if (!lines.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
        lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " " + line.strip());
      } else {
        lines.add(line);
      }
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        headers.add(Map.entry(COMPACT.getOrDefault(name, name), line.substring(colon + 1).strip()));
      }
    }
    return new SipText(lines.get(0), List.copyOf(headers), end < 0 ? text.length() : end + 4);
  }

  List<String> all(String name) {
    return headers.stream().filter(h -> h.getKey().equals(name)).map(Map.Entry::getValue).toList();
  }

  Optional<String> first(String name) {
    return all(name).stream().findFirst();
  }

  /** The branch of the top Via, if it has one. */
  Optional<String> topBranch() {
    return first("via")
        .flatMap(
            v -> {
              String top = v.split(",")[0];
              java.util.regex.Matcher m =
                  java.util.regex.Pattern.compile("(?i)branch\\s*=\\s*([^;,\\s]+)").matcher(top);
              return m.find() ? Optional.of(m.group(1)) : Optional.empty();
            });
  }
}
