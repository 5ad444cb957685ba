package org.hotline.admin.http;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Report tables as CSV (RFC 4180): a header row, one row per line of the report, CRLF line ends,
 * fields quoted when they hold a comma, a quote or a line break, empty for none. Times are ISO-8601,
 * fractions plain decimals ({@code 0.75}, never {@code 7.5E-1}).
 *
 * <p>As in {@link CdrCsv}, a text field a spreadsheet would run as a formula gets a leading
 * {@code '}, except a plain phone number.
 */
final class ReportCsv {
  private static final String FORMULA_START = "=+-@\t\r";
  private static final Pattern PHONE_NUMBER = Pattern.compile("[+-]?[0-9][0-9 ()-]*");

  private final StringBuilder out = new StringBuilder(256);

  /** A document whose first row is {@code header}. */
  ReportCsv(String... header) {
    row((Object[]) header);
  }

  /** Adds a row of {@code values}: text, numbers, instants, date-times or null. */
  ReportCsv row(Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      field(values[i]);
    }
    out.append("\r\n");
    return this;
  }

  /** Adds a row of {@code values}. */
  ReportCsv row(List<?> values) {
    return row(values.toArray());
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void field(Object value) {
    switch (value) {
      case null -> {}
      case Double d -> out.append(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
      case Number n -> out.append(n);
      case Instant at -> out.append(at);
      case OffsetDateTime at -> out.append(at);
      default -> text(value.toString());
    }
  }

  private void text(String value) {
    if (value.isEmpty()) {
      return;
    }
    String v = value;
    if (FORMULA_START.indexOf(v.charAt(0)) >= 0 && !PHONE_NUMBER.matcher(v).matches()) {
      v = "'" + v;
    }
    boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
    if (quote) {
      out.append('"').append(v.replace("\"", "\"\"")).append('"');
    } else {
      out.append(v);
    }
  }
}
