package org.hotline.core.customer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads CSV (RFC 4180, UTF-8) as its bytes arrive, in chunks cut anywhere, and hands each row on as
 * soon as it ends: fields separated by commas, quoted with {@code "} when they hold a comma, a
 * quote ({@code ""}) or a line break; lines end with CRLF, LF or CR. A leading byte order mark is
 * skipped. Each row knows the line it starts on, so errors can name it.
 *
 * <p>A chunk may end inside a quoted field, between the CR and LF of a line end, or inside a UTF-8
 * sequence: what is left over waits for the next chunk. Memory is one row at most ({@link
 * #MAX_ROW_CHARS}) and a few bytes, whatever the size of the file.
 *
 * <p>One thread at a time: {@link #feed} each chunk in order, then {@link #finish}.
 */
final class CsvRowDecoder {
  /**
   * The longest row read: longer is an error (a quote left open, most likely), not a bigger buffer.
   */
  static final int MAX_ROW_CHARS = 256 * 1024;

  /** One row: its fields and the (1-based) line it starts on. */
  record Row(int line, List<String> fields) {
    boolean blank() {
      return fields.size() == 1 && fields.get(0).isBlank();
    }
  }

  /** Input that cannot be read: a quote left open, a row too long, or bytes that are not UTF-8. */
  static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int line;

    Malformed(int line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  /** The error of bytes that are not UTF-8, as a report shows it. */
  static final String NOT_UTF8 = "not UTF-8 text (save the file as CSV UTF-8)";

  private final Consumer<Row> rows;
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final CharBuffer chars = CharBuffer.allocate(8 * 1024);

  /** The bytes of a UTF-8 sequence that a chunk ended inside of (at most 3 of 4). */
  private final ByteBuffer carry = ByteBuffer.allocate(8);

  private boolean first = true;

  /** The line being read: a line break read adds one, in a quoted field too. */
  private int line = 1;

  /** Line breaks seen, for the line of bytes that are not UTF-8. */
  private int newlines;

  private boolean rowOpen;
  private int rowStart;
  private int rowChars;
  private final List<String> fields = new ArrayList<>();
  private final StringBuilder field = new StringBuilder();
  private boolean quoted;
  private boolean wasQuoted;

  /** A quote read inside a quoted field: the next character says whether it closes the field. */
  private boolean quoteInQuoted;

  /** A row ended with CR: an LF right after it belongs to the same line end. */
  private boolean afterCr;

  /**
   * @param rows gets each row as soon as it is read, in order
   */
  CsvRowDecoder(Consumer<Row> rows) {
    this.rows = Objects.requireNonNull(rows, "rows");
  }

  /**
   * Reads {@code bytes} (consumed up to their limit) and hands on the rows they end.
   *
   * @throws Malformed for bytes that are not UTF-8 or a row longer than {@link #MAX_ROW_CHARS}
   */
  void feed(ByteBuffer bytes) {
    if (carry.position() > 0) {
      // Complete the sequence the previous chunk ended inside of, one byte at a time.
      while (carry.position() > 0 && bytes.hasRemaining()) {
        carry.put(bytes.get());
        carry.flip();
        decode(carry, false);
        carry.compact();
      }
      if (carry.position() > 0) {
        return;
      }
    }
    decode(bytes, false);
    if (bytes.hasRemaining()) {
      carry.put(bytes); // an incomplete sequence at the end: fewer than 4 bytes
    }
  }

  /**
   * Ends the input: hands on the last row if it has no line break after it.
   *
   * @throws Malformed for a file that ends inside a UTF-8 sequence or a quoted field
   */
  void finish() {
    carry.flip();
    decode(carry, true);
    CoderResult flushed = utf8.flush(chars);
    if (flushed.isError()) {
      throw new Malformed(newlines + 1, NOT_UTF8);
    }
    drain();
    if (quoted && !quoteInQuoted) {
      throw new Malformed(rowStart, "a quoted field is never closed");
    }
    if (rowOpen) {
      endRow();
    }
  }

  private void decode(ByteBuffer in, boolean last) {
    while (true) {
      CoderResult result = utf8.decode(in, chars, last);
      if (result.isError()) {
        drain();
        throw new Malformed(newlines + 1, NOT_UTF8);
      }
      drain();
      if (!result.isOverflow()) {
        return;
      }
    }
  }

  private void drain() {
    chars.flip();
    while (chars.hasRemaining()) {
      read(chars.get());
    }
    chars.clear();
  }

  private void read(char c) {
    if (c == '\n') {
      newlines++;
    }
    if (first) {
      first = false;
      if (c == '\uFEFF') {
        return;
      }
    }
    if (afterCr) {
      afterCr = false;
      if (c == '\n') {
        return;
      }
    }
    if (!rowOpen) {
      rowOpen = true;
      rowStart = line;
      rowChars = 0;
    }
    if (++rowChars > MAX_ROW_CHARS) {
      throw new Malformed(
          rowStart,
          "a row is longer than " + MAX_ROW_CHARS + " characters (is a quote left open?)");
    }
    if (quoted) {
      if (quoteInQuoted) {
        quoteInQuoted = false;
        if (c == '"') {
          field.append('"');
          return;
        }
        quoted = false; // the quote closed the field; c is read as outside quotes
      } else if (c == '"') {
        quoteInQuoted = true;
        return;
      } else {
        if (c == '\n') {
          line++;
        }
        field.append(c);
        return;
      }
    }
    if (c == '"' && field.isEmpty() && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
    } else if (c == ',') {
      fields.add(field.toString());
      field.setLength(0);
      wasQuoted = false;
    } else if (c == '\n' || c == '\r') {
      line++;
      afterCr = c == '\r';
      endRow();
    } else {
      field.append(c);
    }
  }

  private void endRow() {
    fields.add(field.toString());
    Row row = new Row(rowStart, List.copyOf(fields));
    fields.clear();
    field.setLength(0);
    quoted = false;
    quoteInQuoted = false;
    wasQuoted = false;
    rowOpen = false;
    rows.accept(row);
  }
}
