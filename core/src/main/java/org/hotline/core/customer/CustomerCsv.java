package org.hotline.core.customer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.hotline.core.csv.CsvWriter;

/**
 * Customers as CSV (RFC 4180, UTF-8): import with every bad row reported by line, and export.
 *
 * <p>The header names the columns, in any order and any case: {@code name}, {@code phone}, {@code
 * level} and {@code category} are required, {@code sales_stage} and {@code notes} optional, others
 * ignored. {@code phone} holds one number or several separated by {@code ;}. A leading byte order
 * mark is skipped. An import is all-or-nothing: one bad row and nothing is stored, unless bad rows
 * are to be skipped. A number twice in the file is an error on the later line naming the earlier; a
 * number some customer has already is an error naming the customer. The file is read as it arrives
 * ({@link #importCsv(InputStream, boolean)}) and the good rows are stored in batches, all in the
 * import's one transaction.
 */
public final class CustomerCsv {
  /** The export's header row; the import reads it back. */
  public static final String HEADER = "name,phone,level,category,sales_stage,notes";

  /** The most bad rows listed in a report; the count covers all. */
  public static final int MAX_ERRORS = 1_000;

  /** How much of the file is read at a time. */
  private static final int READ_CHUNK = 64 * 1024;

  private static final List<String> REQUIRED = List.of("name", "phone", "level", "category");

  private final CustomerDirectory directory;

  public CustomerCsv(CustomerDirectory directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /**
   * Imports the customers of {@code csv}.
   *
   * @param csv the file's bytes, UTF-8
   * @param skipBadRows store the good rows even when some are bad
   */
  public CsvImportReport importCsv(byte[] csv, boolean skipBadRows) {
    try {
      return importCsv(new ByteArrayInputStream(csv), skipBadRows);
    } catch (IOException e) {
      throw new UncheckedIOException("a byte array cannot fail", e);
    }
  }

  /**
   * Imports the customers of {@code csv} as it is read, in one transaction: each row is checked as
   * it comes and the good ones are stored in batches of {@value CsvImport#BATCH}, so memory does
   * not grow with the file. At the end the transaction commits, or rolls back when a bad row stops
   * the import (some row bad and {@code skipBadRows} false, or the file not UTF-8). The header
   * comes first, and the rest is not read when it is bad; nor after a row that cannot be read (a
   * quote never closed, a row longer than {@value CsvRowDecoder#MAX_ROW_CHARS} characters).
   *
   * @param csv the file, UTF-8; read up to its end or the first error, not closed
   * @param skipBadRows store the good rows even when some are bad
   * @throws IOException when reading {@code csv} fails: nothing is stored
   */
  public CsvImportReport importCsv(InputStream csv, boolean skipBadRows) throws IOException {
    long start = System.nanoTime();
    try {
      return directory
          .repository()
          .inTransaction(
              tx -> {
                CsvImport run = new CsvImport(directory, tx);
                CsvRowDecoder decoder = new CsvRowDecoder(run::row);
                byte[] chunk = new byte[READ_CHUNK];
                try {
                  for (int n = csv.read(chunk); n >= 0; n = csv.read(chunk)) {
                    decoder.feed(ByteBuffer.wrap(chunk, 0, n));
                  }
                  decoder.finish();
                  run.end();
                } catch (CsvImport.BadHeader e) {
                  throw new RolledBack(run.report(false, start));
                } catch (CsvRowDecoder.Malformed e) {
                  if (e.getMessage().equals(CsvRowDecoder.NOT_UTF8)) {
                    throw new RolledBack(CsvImport.failed(e.line, e.getMessage(), start));
                  }
                  run.malformed(e);
                  run.end();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
                if (run.hasErrors() && !skipBadRows) {
                  throw new RolledBack(run.report(false, start));
                }
                return run.report(true, start);
              });
    } catch (RolledBack e) {
      return e.report;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * {@code customers} as one CSV document: a byte order mark (so spreadsheets read it as UTF-8),
   * {@link #HEADER}, one row each, phone numbers joined by {@code ;}.
   */
  public static String export(List<Customer> customers) {
    CsvWriter out = CsvWriter.withByteOrderMark(HEADER.split(","));
    for (Customer c : customers) {
      out.row(
          c.name(),
          String.join(";", c.phones()),
          c.level(),
          c.category(),
          c.salesStage(),
          c.notes());
    }
    return out.toString();
  }

  /**
   * The column of each known header name; null (with an error on line 1) when a required one is
   * missing.
   */
  static Map<String, Integer> header(CsvRowDecoder.Row row, CsvImport.Errors errors) {
    if (row == null || row.blank()) {
      errors.add(1, "no header row; expected " + HEADER);
      return null;
    }
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < row.fields().size(); i++) {
      String name = row.fields().get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
      if (columns.putIfAbsent(name, i) != null && !name.isEmpty()) {
        errors.add(row.line(), "column '" + name + "' appears twice in the header");
        return null;
      }
    }
    List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      errors.add(
          row.line(),
          "the header lacks column(s) "
              + String.join(", ", missing)
              + "; expected at least "
              + String.join(",", REQUIRED));
      return null;
    }
    columns.put("", row.fields().size()); // the width every row must have
    return columns;
  }

  static CustomerDraft draft(CsvRowDecoder.Row row, Map<String, Integer> columns) {
    int width = columns.get("");
    if (row.fields().size() != width) {
      throw new InvalidCustomerException(
          null, "expected " + width + " fields as in the header, got " + row.fields().size());
    }
    String phones = field(row, columns, "phone");
    List<String> list = phones == null ? List.of() : List.of(phones.split("[;；]"));
    return new CustomerDraft(
        field(row, columns, "name"),
        field(row, columns, "level"),
        field(row, columns, "category"),
        field(row, columns, "sales_stage"),
        field(row, columns, "notes"),
        list.stream().filter(p -> !p.isBlank()).toList());
  }

  private static String field(CsvRowDecoder.Row row, Map<String, Integer> columns, String name) {
    Integer i = columns.get(name);
    return i == null ? null : row.fields().get(i);
  }

  /** Ends the import's transaction with a rollback, and carries the import's report out of it. */
  private static final class RolledBack extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient CsvImportReport report;

    RolledBack(CsvImportReport report) {
      super(null, null, false, false);
      this.report = report;
    }
  }
}
