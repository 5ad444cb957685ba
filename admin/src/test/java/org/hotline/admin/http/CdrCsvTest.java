package org.hotline.admin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.cdr.Cdr;
import org.junit.jupiter.api.Test;

class CdrCsvTest {
  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  static final String MIDDLE =
      ",100,,sales,1001,2026-03-01T08:00:00Z,,2026-03-01T08:01:00Z,3,0,abandoned,";

  static String csvOf(String caller, String cause) {
    Cdr cdr =
        new Cdr(
            "c1",
            caller,
            "100",
            null,
            "sales",
            "1001",
            T0,
            null,
            T0.plusSeconds(60),
            3,
            0,
            CallOutcome.ABANDONED,
            cause,
            null,
            null,
            null,
            null);
    return CdrCsv.format(List.of(cdr));
  }

  static String row(String caller, String cause) {
    return CdrCsv.HEADER + "\r\n" + "c1," + caller + MIDDLE + cause + ",,,,,0\r\n";
  }

  @Test
  void format_writesTheHeaderThenOneCrlfRowPerCdr_emptyForNulls() {
    assertEquals(row("+8613800138000", "caller-bye"), csvOf("+8613800138000", "caller-bye"));
    assertEquals(row("1", ""), csvOf("1", null));
  }

  @Test
  void format_quotesCommasQuotesAndLineBreaks() {
    assertEquals(row("1", "\"a,b\""), csvOf("1", "a,b"));
    assertEquals(row("1", "\"say \"\"hi\"\"\""), csvOf("1", "say \"hi\""));
    assertEquals(row("1", "\"two\nlines\""), csvOf("1", "two\nlines"));
  }

  @Test
  void format_defusesFormulas_butKeepsPhoneNumbers() {
    assertEquals(row("'@SUM(A1)", ""), csvOf("@SUM(A1)", null));
    assertEquals(row("'-2+3+cmd|x", ""), csvOf("-2+3+cmd|x", null));
    assertEquals(row("\"'=HYPERLINK(\"\"x\"\")\"", ""), csvOf("=HYPERLINK(\"x\")", null));
    assertEquals(row("+86 138 0013 8000", ""), csvOf("+86 138 0013 8000", null));
  }

  @Test
  void format_endsWithRegionCarrierAndTheWrapUp() {
    Cdr cdr =
        new Cdr(
            "c1",
            "+8613800138000",
            "100",
            null,
            "sales",
            "1001",
            T0,
            null,
            T0.plusSeconds(60),
            3,
            0,
            CallOutcome.ABANDONED,
            null,
            "北京市",
            "中国移动",
            "complaint",
            "late delivery, again");

    assertEquals(
        CdrCsv.HEADER
            + "\r\n"
            + "c1,+8613800138000"
            + MIDDLE
            + ",北京市,中国移动,complaint,\"late delivery, again\",0\r\n",
        CdrCsv.format(List.of(cdr)));
  }

  @Test
  void format_ofNoCdrs_isTheHeaderAlone() {
    assertEquals(CdrCsv.HEADER + "\r\n", CdrCsv.format(List.of()));
  }
}
