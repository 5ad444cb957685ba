package org.hotline.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {
  @Test
  void of_writesTheHeaderThenCrlfRows() {
    assertEquals("a,b\r\n1,x\r\n", CsvWriter.of("a", "b").row(1, "x").toString());
    assertEquals("a,b\r\n", CsvWriter.of("a", "b").toString());
  }

  @Test
  void withByteOrderMark_startsWithIt_soSpreadsheetsReadUtf8() {
    assertEquals(
        "\uFEFFa,b\r\nx,y\r\n",
        CsvWriter.withByteOrderMark("a", "b").row(List.of("x", "y")).toString());
  }

  @Test
  void row_quotesCommasQuotesAndLineBreaks_doublingQuotes() {
    assertEquals(
        "h\r\n\"a,b\"\r\n\"say \"\"hi\"\"\"\r\n\"two\nlines\"\r\n\"cr\rlf\"\r\n",
        CsvWriter.of("h").row("a,b").row("say \"hi\"").row("two\nlines").row("cr\rlf").toString());
  }

  @Test
  void row_quotesLeadingAndTrailingSpacesAndAHash_soNoReaderTrimsOrSkipsThem() {
    assertEquals(
        "a,b,c\r\n\" x\",\"y \",\"#z\"\r\n",
        CsvWriter.of("a", "b", "c").row(" x", "y ", "#z").toString());
  }

  @Test
  void row_writesUnicodeAsItIs() {
    assertEquals(
        "h,i\r\n北京市,\"王, \"\"五\"\"\"\r\n",
        CsvWriter.of("h", "i").row("北京市", "王, \"五\"").toString());
  }

  @Test
  void row_writesNullAndEmptyAsAnEmptyField_evenFirst() {
    assertEquals(
        "a,b,c\r\n,,\r\n,x,\r\n",
        CsvWriter.of("a", "b", "c").row(null, "", null).row("", "x", null).toString());
  }

  @Test
  void row_guardsText_butNotNumbers() {
    assertEquals(
        "a,b,c,d\r\n'=1+1,-3,-2.5,'-2+3\r\n",
        CsvWriter.of("a", "b", "c", "d").row("=1+1", -3L, -2.5, "-2+3").toString());
  }

  @Test
  void row_writesFractionsPlain_andTimesIso8601() {
    assertEquals(
        "a,b,c,d\r\n0.75,0.000001,2026-03-01T08:00:00Z,2026-03-01T08:00+08:00\r\n",
        CsvWriter.of("a", "b", "c", "d")
            .row(
                0.75,
                1e-6,
                Instant.parse("2026-03-01T08:00:00Z"),
                OffsetDateTime.parse("2026-03-01T08:00+08:00"))
            .toString());
    assertEquals("a\r\n3\r\n", CsvWriter.of("a").row(3.0).toString());
  }

  @Test
  void row_ofAList_isTheSameAsOfValues() {
    assertEquals(
        CsvWriter.of("a", "b").row(1, null).toString(),
        CsvWriter.of("a", "b").row(Arrays.asList(1, null)).toString());
  }
}
