package org.hotline.core.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV document as every export writes it: RFC 4180 (Apache Commons CSV), a header row, CRLF line
 * ends, a field quoted when it holds a comma, a quote or a line break (and, as Commons CSV does,
 * when it begins with a space, {@code !}, {@code "} or {@code #} or ends with a space), an empty
 * field for none.
 *
 * <p>Cells are text, numbers or times. Text goes through the {@link FormulaGuard}; numbers are
 * written as they are, fractions as plain decimals ({@code 0.75}, never {@code 7.5E-1}); times as
 * ISO-8601. The document is text: the exports send it as UTF-8.
 */
public final class CsvWriter {
  private static final String BYTE_ORDER_MARK = "\uFEFF";

  private final StringBuilder out = new StringBuilder(256);
  private final CSVPrinter printer;

  private CsvWriter(boolean byteOrderMark, String... header) {
    if (byteOrderMark) {
      out.append(BYTE_ORDER_MARK);
    }
    try {
      printer = CSVFormat.RFC4180.builder().setHeader(header).get().print(out);
    } catch (IOException e) {
      throw new UncheckedIOException("a StringBuilder cannot fail", e);
    }
  }

  /** A document whose first row is {@code header}. */
  public static CsvWriter of(String... header) {
    return new CsvWriter(false, header);
  }

  /**
   * A document that begins with a byte order mark, then {@code header}: for a file people open with
   * a spreadsheet, which without the mark may read UTF-8 as the local code page.
   */
  public static CsvWriter withByteOrderMark(String... header) {
    return new CsvWriter(true, header);
  }

  /** Adds a row of {@code cells}: text, numbers, times or null. */
  public CsvWriter row(Object... cells) {
    try {
      for (Object cell : cells) {
        printer.print(cell(cell));
      }
      printer.println();
    } catch (IOException e) {
      throw new UncheckedIOException("a StringBuilder cannot fail", e);
    }
    return this;
  }

  /** Adds a row of {@code cells}. */
  public CsvWriter row(List<?> cells) {
    return row(cells.toArray());
  }

  /** The document so far. */
  @Override
  public String toString() {
    return out.toString();
  }

  /**
   * What to print for {@code cell}: null for an empty field (unquoted even when it is the first).
   */
  private static Object cell(Object cell) {
    return switch (cell) {
      case null -> null;
      case Double d -> BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
      case Number n -> n.toString();
      case TemporalAccessor at -> at.toString();
      default -> {
        String text = cell.toString();
        yield text.isEmpty() ? null : FormulaGuard.neutralise(text);
      }
    };
  }
}
