package org.hotline.core.customer;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV text (RFC 4180) row by row: fields separated by commas, quoted with {@code "} when
 * they hold a comma, a quote ({@code ""}) or a line break; lines end with CRLF or LF. Each row
 * knows the line it starts on, so errors can name it.
 */
final class CsvRows {
  /** One row: its fields and the (1-based) line it starts on. */
  record Row(int line, List<String> fields) {
    boolean blank() {
      return fields.size() == 1 && fields.get(0).isBlank();
    }
  }

  /** A row that cannot be read: a quote left open. */
  static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int line;

    Malformed(int line, String message) {
      super(message);
      this.line = line;
    }
  }

  private final String text;
  private int pos;
  private int line = 1;

  CsvRows(String text) {
    this.text = text;
  }

  /** The next row, or null at the end. @throws Malformed for a quote never closed */
  Row next() {
    if (pos >= text.length()) {
      return null;
    }
    int start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (quoted) {
        if (c == '"') {
          if (pos < text.length() && text.charAt(pos) == '"') {
            field.append('"');
            pos++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.isEmpty() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
          pos++;
        }
        line++;
        fields.add(field.toString());
        return new Row(start, fields);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new Malformed(start, "a quoted field is never closed");
    }
    fields.add(field.toString());
    return new Row(start, fields);
  }
}
