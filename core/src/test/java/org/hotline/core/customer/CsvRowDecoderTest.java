package org.hotline.core.customer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.hotline.core.customer.CsvRowDecoder.Malformed;
import org.hotline.core.customer.CsvRowDecoder.Row;
import org.junit.jupiter.api.Test;

class CsvRowDecoderTest {
  private static final String TEXT =
      "\uFEFFname,phone,notes\r\n"
          + "王五,13800138000,\"line one\r\nline two, with \"\"quotes\"\"\"\r\n"
          + "\r\n"
          + "Zoë 😀,+8613900139000,plain\n"
          + "last,1,no line end";

  private static final List<Row> EXPECTED =
      List.of(
          new Row(1, List.of("name", "phone", "notes")),
          new Row(2, List.of("王五", "13800138000", "line one\r\nline two, with \"quotes\"")),
          new Row(4, List.of("")),
          new Row(5, List.of("Zoë 😀", "+8613900139000", "plain")),
          new Row(6, List.of("last", "1", "no line end")));

  /** Rows of {@code bytes} fed in chunks of {@code size} bytes. */
  private static List<Row> rows(byte[] bytes, int size) {
    List<Row> rows = new ArrayList<>();
    CsvRowDecoder decoder = new CsvRowDecoder(rows::add);
    for (int from = 0; from < bytes.length; from += size) {
      decoder.feed(ByteBuffer.wrap(bytes, from, Math.min(size, bytes.length - from)));
    }
    decoder.finish();
    return rows;
  }

  @Test
  void wholeInput_givesEveryRowWithItsLine() {
    assertEquals(EXPECTED, rows(TEXT.getBytes(UTF_8), Integer.MAX_VALUE));
  }

  @Test
  void chunksCutAtEveryByte_giveTheSameRows() {
    // Every cut: inside the BOM, inside 王 and 😀 (3 and 4 bytes), between CR and LF, inside a
    // quoted field and between its doubled quotes.
    byte[] bytes = TEXT.getBytes(UTF_8);
    for (int size = 1; size <= 7; size++) {
      assertEquals(EXPECTED, rows(bytes, size), "chunks of " + size);
    }
  }

  @Test
  void aChunkEndingBetweenCrAndLf_endsOneLineOnly() {
    List<Row> rows = new ArrayList<>();
    CsvRowDecoder decoder = new CsvRowDecoder(rows::add);
    decoder.feed(ByteBuffer.wrap("a,b\r".getBytes(UTF_8)));
    assertEquals(List.of(new Row(1, List.of("a", "b"))), rows, "the row is handed on at its CR");
    decoder.feed(ByteBuffer.wrap("\nc,d\r\n".getBytes(UTF_8)));
    decoder.finish();
    assertEquals(List.of(new Row(1, List.of("a", "b")), new Row(2, List.of("c", "d"))), rows);
  }

  @Test
  void aQuotedFieldAcrossChunks_holdsItsCommasAndLineBreaks() {
    List<Row> rows = new ArrayList<>();
    CsvRowDecoder decoder = new CsvRowDecoder(rows::add);
    decoder.feed(ByteBuffer.wrap("x,\"a,\n".getBytes(UTF_8)));
    decoder.feed(ByteBuffer.wrap("b\"".getBytes(UTF_8)));
    assertEquals(List.of(), rows, "no row before the field closes and the line ends");
    decoder.feed(ByteBuffer.wrap("\"c\"\ny".getBytes(UTF_8)));
    decoder.finish();
    assertEquals(List.of(new Row(1, List.of("x", "a,\nb\"c")), new Row(3, List.of("y"))), rows);
  }

  @Test
  void aByteOrderMarkIsSkippedOnlyAtTheStart() {
    assertEquals(
        List.of(new Row(1, List.of("a")), new Row(2, List.of("\uFEFFb"))),
        rows("\uFEFFa\n\uFEFFb".getBytes(UTF_8), 1));
  }

  @Test
  void emptyInput_givesNoRow() {
    assertEquals(List.of(), rows(new byte[0], 1));
    assertEquals(
        List.of(new Row(1, List.of("a"))),
        rows("a\n".getBytes(UTF_8), 1),
        "no row after the last line end");
  }

  @Test
  void aQuoteNeverClosed_isMalformedOnTheLineItStarts() {
    Malformed e = assertThrows(Malformed.class, () -> rows("a\n\"b,\nc\n".getBytes(UTF_8), 2));
    assertEquals(2, e.line);
    assertEquals("a quoted field is never closed", e.getMessage());
  }

  @Test
  void bytesThatAreNotUtf8_areMalformedOnTheirLine() {
    byte[] gbk = {'a', '\n', 'b', '\n', (byte) 0xD5, (byte) 0xC5};
    for (int size = 1; size <= gbk.length; size++) {
      int chunk = size;
      Malformed e = assertThrows(Malformed.class, () -> rows(gbk, chunk));
      assertEquals(3, e.line, "chunks of " + size);
      assertEquals(CsvRowDecoder.NOT_UTF8, e.getMessage());
    }
    // A file that ends inside a sequence: 王 is E7 8E 8B.
    Malformed cut =
        assertThrows(
            Malformed.class, () -> rows(new byte[] {'a', '\n', (byte) 0xE7, (byte) 0x8E}, 1));
    assertEquals(2, cut.line);
  }

  @Test
  void aRowLongerThanTheLimit_isMalformed_insteadOfGrowingWithoutBound() {
    CsvRowDecoder decoder = new CsvRowDecoder(row -> {});
    decoder.feed(ByteBuffer.wrap("a\n\"".getBytes(UTF_8)));
    byte[] filler = new byte[64 * 1024];
    java.util.Arrays.fill(filler, (byte) 'x');
    Malformed e =
        assertThrows(
            Malformed.class,
            () -> {
              for (int i = 0; i < 10; i++) {
                decoder.feed(ByteBuffer.wrap(filler));
              }
            });
    assertEquals(2, e.line);
  }
}
