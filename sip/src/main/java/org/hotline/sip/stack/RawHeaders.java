package org.hotline.sip.stack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The start line and header fields of a raw SIP message, read without JAIN-SIP's parser: enough to
 * check what that parser lets through (a header that must appear once appearing twice, a SIP
 * version other than 2.0) and to copy headers into a 400 when the parser gave up.
 *
 * <p>Lines end with CRLF or a bare LF; a line starting with SP or HTAB continues the previous one
 * (RFC 3261 section 7.3.1); the header section ends at the first empty line.
 */
final class RawHeaders {
  /**
   * Header fields that RFC 3261 allows once per message (section 20; 3.3.8 and 3.3.9 of RFC 4475).
   */
  static final Set<String> SINGLE =
      Set.of("call-id", "cseq", "from", "to", "max-forwards", "content-length", "content-type");

  private static final Map<String, String> COMPACT =
      Map.ofEntries(
          Map.entry("i", "call-id"),
          Map.entry("m", "contact"),
          Map.entry("e", "content-encoding"),
          Map.entry("l", "content-length"),
          Map.entry("c", "content-type"),
          Map.entry("f", "from"),
          Map.entry("s", "subject"),
          Map.entry("k", "supported"),
          Map.entry("t", "to"),
          Map.entry("v", "via"));

  /** One header field, continuation lines joined. */
  record Field(String name, String line) {}

  private final String startLine;
  private final List<Field> fields;

  private RawHeaders(String startLine, List<Field> fields) {
    this.startLine = startLine;
    this.fields = fields;
  }

  static RawHeaders of(byte[] message) {
    // ISO-8859-1 maps every octet to one char, so nothing here can fail on odd bytes.
    String text = new String(message, StandardCharsets.ISO_8859_1);
    List<String> lines = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int lf = text.indexOf('\n', at);
      int end = lf < 0 ? text.length() : lf;
      String line = text.substring(at, end > at && text.charAt(end - 1) == '\r' ? end - 1 : end);
      at = lf < 0 ? text.length() : lf + 1;
      if (line.isEmpty()) {
        if (lines.isEmpty()) {
          continue; // CRLFs before the start line are keep-alives
        }
        break;
      }
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && lines.size() > 1) {
        lines.set(lines.size() - 1, lines.get(lines.size() - 1) + ' ' + line.strip());
      } else {
        lines.add(line);
      }
    }
    String start = lines.isEmpty() ? "" : lines.get(0);
    List<Field> fields = new ArrayList<>();
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      int colon = line.indexOf(':');
      String name = colon < 0 ? "" : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      fields.add(new Field(COMPACT.getOrDefault(name, name), line));
    }
    return new RawHeaders(start, List.copyOf(fields));
  }

  String startLine() {
    return startLine;
  }

  boolean isResponse() {
    return startLine.regionMatches(true, 0, "SIP/", 0, 4);
  }

  /**
   * The SIP version written on the start line ({@code SIP/2.0}, {@code SIP/7.0}...), empty if none.
   */
  String version() {
    String[] tokens = startLine.strip().split("[ \t]+");
    String v = isResponse() ? tokens[0] : tokens[tokens.length - 1];
    return v.regionMatches(true, 0, "SIP/", 0, 4) ? v : "";
  }

  /** How many times header {@code name} (lower-case long form) appears. */
  int count(String name) {
    return (int) fields.stream().filter(f -> f.name().equals(name)).count();
  }

  /** The first single-valued header that appears more than once. */
  Optional<String> repeatedSingleHeader() {
    return fields.stream()
        .map(Field::name)
        .filter(SINGLE::contains)
        .filter(n -> count(n) > 1)
        .findFirst();
  }

  /** The header section again, without header {@code name}, ready to be parsed. */
  byte[] without(String name) {
    StringBuilder b = new StringBuilder(startLine).append("\r\n");
    fields.stream()
        .filter(f -> !f.name().equals(name))
        .forEach(f -> b.append(f.line()).append("\r\n"));
    return b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The raw lines of header {@code name}, in order. */
  List<String> lines(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).map(Field::line).toList();
  }
}
