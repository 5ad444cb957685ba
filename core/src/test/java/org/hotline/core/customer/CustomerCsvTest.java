package org.hotline.core.customer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hotline.core.customer.CsvImportReport.RowError;
import org.hotline.core.db.Database;
import org.hotline.core.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class CustomerCsvTest {
  @TempDir Path dir;
  Database db;
  CustomerRepository repo;
  CustomerDirectory customers;
  CustomerCsv csv;

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir);
    repo =
        new CustomerRepository(
            db.dsl(), Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC));
    customers = new CustomerDirectory(repo, new FakeNumbers(), CustomerRepositoryTest.LEVELS);
    csv = new CustomerCsv(customers);
  }

  @AfterEach
  void close() {
    db.close();
  }

  CsvImportReport importText(String text, boolean skipBadRows) {
    return csv.importCsv(text.getBytes(UTF_8), skipBadRows);
  }

  @Test
  void import_chineseNames_quotedFields_bom_crlf() {
    String text =
        "\uFEFFname,phone,level,category\r\n"
            + "张三,138 0013 8000,VIP,零售\r\n"
            + "\"李四, 有限公司\",021-62123456,gold,\"批发 \"\"大客户\"\"\"\r\n"
            + "\"多行\n备注\",13900139000,silver,\r\n";

    CsvImportReport r = importText(text, false);

    assertTrue(r.committed(), r.toString());
    assertEquals(3, r.imported());
    assertEquals(List.of(), r.errors());
    Customer zhang = customers.findByNumber("13800138000").orElseThrow();
    assertEquals("张三", zhang.name());
    assertEquals("零售", zhang.category());
    Customer li = customers.findByNumber("+862162123456").orElseThrow();
    assertEquals("李四, 有限公司", li.name());
    assertEquals("批发 \"大客户\"", li.category());
    assertEquals("多行\n备注", customers.findByNumber("13900139000").orElseThrow().name());
  }

  @Test
  void import_columnsInAnyOrderAndCase_withOptionalOnes_andSeveralNumbers() {
    CsvImportReport r =
        importText(
            "Phone,Category,Name,Level,Sales Stage,notes,extra\n13800138000;021 6212 3456,retail,Wang,normal,won,nice,ignored\n",
            false);

    assertTrue(r.committed(), r.toString());
    Customer c = customers.findByNumber("02162123456").orElseThrow();
    assertEquals("Wang", c.name());
    assertEquals("won", c.salesStage());
    assertEquals("nice", c.notes());
    assertEquals(List.of("+8613800138000", "+862162123456"), c.phones());
  }

  @Test
  void import_badRows_areReportedByLine_andNothingIsStored() {
    String text =
        "name,phone,level,category\n"
            + "ok,13800138000,gold,\n"
            + ",13900139000,gold,\n" // line 3: no name
            + "bad level,13700137000,diamond,\n" // line 4
            + "bad phone,12345,gold,\n" // line 5
            + "\n" // blank: skipped
            + "too,many,fields,here,x\n"; // line 7

    CsvImportReport r = importText(text, false);

    assertFalse(r.committed());
    assertEquals(0, r.imported());
    assertEquals(5, r.rows());
    assertEquals(List.of(3, 4, 5, 7), r.errors().stream().map(RowError::line).toList());
    assertTrue(r.errors().get(0).reason().contains("name is required"), r.errors().get(0).reason());
    assertTrue(
        r.errors().get(1).reason().contains("unknown level 'diamond'"), r.errors().get(1).reason());
    assertTrue(
        r.errors().get(2).reason().contains("not a valid phone number: '12345'"),
        r.errors().get(2).reason());
    assertTrue(
        r.errors().get(3).reason().contains("expected 4 fields"), r.errors().get(3).reason());
    assertEquals(0, repo.count());
  }

  @Test
  void import_skippingBadRows_storesTheGoodOnes() {
    CsvImportReport r =
        importText(
            "name,phone,level,category\nok,13800138000,gold,\nbad,x,gold,\nok2,13900139000,VIP,\n",
            true);

    assertTrue(r.committed());
    assertEquals(2, r.imported());
    assertEquals(1, r.skipped());
    assertEquals(List.of(new RowError(3, "not a valid phone number: 'x'")), r.errors());
    assertEquals(2, repo.count());
  }

  @Test
  void import_sameNumberTwice_isAnErrorNamingBothLines() {
    CsvImportReport r =
        importText(
            "name,phone,level,category\nA,13800138000,gold,\nB,x,gold,\nC,+86 138 0013 8000,gold,\n",
            false);

    assertFalse(r.committed());
    RowError dup = r.errors().get(1);
    assertEquals(4, dup.line());
    assertTrue(dup.reason().contains("lines 2 and 4"), dup.reason());
    assertTrue(dup.reason().contains("+8613800138000"), dup.reason());
  }

  @Test
  void import_numberAnExistingCustomerHas_isAnErrorNamingTheCustomer() {
    Customer existing =
        customers.create(CustomerRepositoryTest.draft("old", "gold", "13800138000"));

    CsvImportReport r =
        importText(
            "name,phone,level,category\nnew,13900139000,gold,\nclash,13800138000,gold,\n", false);

    assertFalse(r.committed());
    assertEquals(
        List.of(
            new RowError(
                3, "number +8613800138000 belongs to customer " + existing.id() + " already")),
        r.errors());
    assertEquals(1, repo.count());
  }

  @Test
  void import_missingHeaderColumns_isOneErrorOnLine1() {
    CsvImportReport r = importText("name,phone\nA,13800138000\n", false);

    assertFalse(r.committed());
    assertEquals(1, r.errors().size());
    assertEquals(1, r.errors().get(0).line());
    assertTrue(r.errors().get(0).reason().contains("level, category"), r.errors().get(0).reason());
  }

  @Test
  void import_emptyFile_orUnclosedQuote_orNotUtf8_isReported() {
    assertEquals(1, importText("", false).errors().get(0).line());

    CsvImportReport open =
        importText(
            "name,phone,level,category\nA,13800138000,gold,x\n\"B,13900139000,gold,\n", false);
    assertEquals(new RowError(3, "a quoted field is never closed"), open.errors().get(0));

    byte[] gbk = {
      'n',
      'a',
      'm',
      'e',
      ',',
      'p',
      'h',
      'o',
      'n',
      'e',
      ',',
      'l',
      'e',
      'v',
      'e',
      'l',
      ',',
      'c',
      'a',
      't',
      'e',
      'g',
      'o',
      'r',
      'y',
      '\n',
      (byte) 0xD5,
      (byte) 0xC5
    };
    CsvImportReport notUtf8 = csv.importCsv(gbk, true);
    assertFalse(notUtf8.committed());
    assertEquals(2, notUtf8.errors().get(0).line());
    assertEquals(0, repo.count());
  }

  @Test
  void export_thenImport_roundTrips() {
    customers.create(
        new CustomerDraft(
            "王, \"五\"", "VIP", "零售", "lead", "=1+1", List.of("13800138000", "02162123456")));
    customers.create(new CustomerDraft("Bob", "normal", null, null, null, List.of("+16502530000")));
    String exported = CustomerCsv.export(repo.all());

    assertTrue(exported.startsWith("\uFEFF" + CustomerCsv.HEADER + "\r\n"));
    assertTrue(
        exported.contains("\"王, \"\"五\"\"\",+8613800138000;+862162123456,VIP,零售,lead,'=1+1\r\n"),
        exported);

    db.close();
    db = TestDatabases.open(dir.resolve("second"));
    repo = new CustomerRepository(db.dsl(), Clock.systemUTC());
    csv =
        new CustomerCsv(
            new CustomerDirectory(repo, new FakeNumbers(), CustomerRepositoryTest.LEVELS));
    CsvImportReport r = csv.importCsv(exported.getBytes(UTF_8), false);

    assertTrue(r.committed(), r.toString());
    assertEquals(List.of("王, \"五\"", "Bob"), repo.all().stream().map(Customer::name).toList());
    assertEquals(List.of("+8613800138000", "+862162123456"), repo.all().get(0).phones());
  }

  @Test
  void import_100kRows_inOneTransaction_takesSeconds() {
    StringBuilder text = new StringBuilder("name,phone,level,category\n");
    String[] levels = {"VIP", "gold", "silver", "normal"};
    for (int i = 0; i < 100_000; i++) {
      text.append("客户")
          .append(i)
          .append(',')
          .append(13_000_000_000L + i)
          .append(',')
          .append(levels[i % 4])
          .append(",retail\n");
    }
    byte[] bytes = text.toString().getBytes(UTF_8);
    // The server logs jOOQ at WARN (admin's logback.xml); the tests' default DEBUG would log every
    // batch and bind value and measure the logging instead of the import.
    Logger jooq = (Logger) LoggerFactory.getLogger("org.jooq");
    Level before = jooq.getLevel();
    jooq.setLevel(Level.WARN);
    CsvImportReport r;
    try {
      r = csv.importCsv(bytes, false);
    } finally {
      jooq.setLevel(before);
    }

    System.out.printf(
        "customer CSV import: %,d rows (%,d bytes) in %,d ms%n",
        r.imported(), bytes.length, r.millis());
    CsvImportReport report = r;
    assertTrue(r.committed(), () -> report.errors().toString());
    assertEquals(100_000, r.imported());
    assertEquals(100_000, repo.count());
    assertEquals("客户99999", customers.findByNumber("13000099999").orElseThrow().name());
  }
}
