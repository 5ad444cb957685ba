package org.hotline.core.customer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.hotline.core.customer.CsvImportReport.RowError;

/**
 * Customers as CSV (RFC 4180, UTF-8): import with every bad row reported by line, and export.
 *
 * <p>The header names the columns, in any order and any case: {@code name}, {@code phone},
 * {@code level} and {@code category} are required, {@code sales_stage} and {@code notes}
 * optional, others ignored. {@code phone} holds one number or several separated by {@code ;}. A
 * leading byte order mark is skipped. An import is all-or-nothing: one bad row and nothing is
 * stored, unless bad rows are to be skipped. A number twice in the file is an error on the later
 * line naming the earlier; a number some customer has already is an error naming the customer.
 * The good rows are stored in one transaction with batched inserts.
 */
public final class CustomerCsv {
  /** The export's header row; the import reads it back. */
  public static final String HEADER = "name,phone,level,category,sales_stage,notes";

  /** The most bad rows listed in a report; the count covers all. */
  public static final int MAX_ERRORS = 1_000;

  private static final List<String> REQUIRED = List.of("name", "phone", "level", "category");
  private static final String BOM = "\uFEFF";
  private static final String FORMULA_START = "=+-@\t\r";
  private static final Pattern PHONE_NUMBER = Pattern.compile("[+-]?[0-9][0-9 ()-]*");

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
    long start = System.nanoTime();
    Errors errors = new Errors();
    String text;
    try {
      text = utf8(csv);
    } catch (NotUtf8 e) {
      errors.add(e.line, "not UTF-8 text (save the file as CSV UTF-8)");
      return report(false, 0, 0, 0, errors, start);
    }
    if (text.startsWith(BOM)) {
      text = text.substring(1);
    }
    CsvRows rows = new CsvRows(text);
    Map<String, Integer> columns;
    try {
      columns = header(rows.next(), errors);
    } catch (CsvRows.Malformed e) {
      errors.add(e.line, e.getMessage());
      return report(false, 0, 0, 0, errors, start);
    }
    if (columns == null) {
      return report(false, 0, 0, 0, errors, start);
    }
    List<CustomerDraft> good = new ArrayList<>();
    List<Integer> goodLines = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    int count = 0;
    while (true) {
      CsvRows.Row row;
      try {
        row = rows.next();
      } catch (CsvRows.Malformed e) {
        count++;
        errors.add(e.line, e.getMessage());
        break;
      }
      if (row == null) {
        break;
      }
      if (row.blank()) {
        continue;
      }
      count++;
      try {
        CustomerDraft draft = directory.checked(draft(row, columns));
        String repeated = repeated(draft, row.line(), firstLine);
        if (repeated != null) {
          errors.add(row.line(), repeated);
          continue;
        }
        draft.phones().forEach(p -> firstLine.put(p, row.line()));
        good.add(draft);
        goodLines.add(row.line());
      } catch (InvalidCustomerException e) {
        errors.add(row.line(), e.getMessage());
      }
    }
    List<CustomerDraft> free = taken(good, goodLines, errors);
    if (errors.count > 0 && !skipBadRows) {
      return report(false, count, 0, 0, errors, start);
    }
    int imported = directory.repository().insertAll(free);
    return report(true, count, imported, errors.count, errors, start);
  }

  /** {@code customers} as one CSV document: a byte order mark (so spreadsheets read it as UTF-8), {@link #HEADER}, one row each. */
  public static String export(List<Customer> customers) {
    StringBuilder out = new StringBuilder(BOM.length() + HEADER.length() + 2 + customers.size() * 64);
    out.append(BOM).append(HEADER).append("\r\n");
    for (Customer c : customers) {
      text(out, c.name()).append(',');
      text(out, String.join(";", c.phones())).append(',');
      text(out, c.level()).append(',');
      text(out, c.category()).append(',');
      text(out, c.salesStage()).append(',');
      text(out, c.notes()).append("\r\n");
    }
    return out.toString();
  }

  /** The column of each known header name; null (with an error on line 1) when a required one is missing. */
  private static Map<String, Integer> header(CsvRows.Row row, Errors errors) {
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
      errors.add(row.line(), "the header lacks column(s) " + String.join(", ", missing) + "; expected at least " + String.join(",", REQUIRED));
      return null;
    }
    columns.put("", row.fields().size()); // the width every row must have
    return columns;
  }

  private static CustomerDraft draft(CsvRows.Row row, Map<String, Integer> columns) {
    int width = columns.get("");
    if (row.fields().size() != width) {
      throw new InvalidCustomerException(null, "expected " + width + " fields as in the header, got " + row.fields().size());
    }
    String phones = field(row, columns, "phone");
    List<String> list = phones == null ? List.of() : List.of(phones.split("[;；]"));
    return new CustomerDraft(
        field(row, columns, "name"), field(row, columns, "level"), field(row, columns, "category"),
        field(row, columns, "sales_stage"), field(row, columns, "notes"), list.stream().filter(p -> !p.isBlank()).toList());
  }

  private static String field(CsvRows.Row row, Map<String, Integer> columns, String name) {
    Integer i = columns.get(name);
    return i == null ? null : row.fields().get(i);
  }

  /** The reason {@code draft} repeats a number of an earlier row, or null. */
  private static String repeated(CustomerDraft draft, int line, Map<String, Integer> firstLine) {
    for (String phone : draft.phones()) {
      Integer first = firstLine.get(phone);
      if (first != null) {
        return "number " + phone + " is on line " + first + " already (lines " + first + " and " + line + ")";
      }
    }
    return null;
  }

  /** {@code good} without the rows whose numbers some customer has already, those reported. */
  private List<CustomerDraft> taken(List<CustomerDraft> good, List<Integer> lines, Errors errors) {
    Set<String> all = new HashSet<>();
    good.forEach(d -> all.addAll(d.phones()));
    Map<String, Long> owners = directory.repository().owners(all);
    if (owners.isEmpty()) {
      return good;
    }
    List<CustomerDraft> free = new ArrayList<>(good.size());
    List<RowError> found = new ArrayList<>();
    for (int i = 0; i < good.size(); i++) {
      CustomerDraft d = good.get(i);
      String owned = d.phones().stream().filter(owners::containsKey).findFirst().orElse(null);
      if (owned == null) {
        free.add(d);
      } else {
        found.add(new RowError(lines.get(i), "number " + owned + " belongs to customer " + owners.get(owned) + " already"));
      }
    }
    found.forEach(e -> errors.add(e.line(), e.reason()));
    return free;
  }

  private static CsvImportReport report(boolean committed, int rows, int imported, int skipped, Errors errors, long startNanos) {
    errors.list.sort((a, b) -> Integer.compare(a.line(), b.line()));
    return new CsvImportReport(
        committed, rows, imported, committed ? skipped : 0, errors.count, errors.list, (System.nanoTime() - startNanos) / 1_000_000);
  }

  private static String utf8(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new NotUtf8(line);
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  private static StringBuilder text(StringBuilder out, String value) {
    if (value == null || value.isEmpty()) {
      return out;
    }
    String v = value;
    if (FORMULA_START.indexOf(v.charAt(0)) >= 0 && !PHONE_NUMBER.matcher(v.split(";")[0]).matches()) {
      v = "'" + v; // OWASP "CSV injection": a spreadsheet would run it as a formula
    }
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
      return out.append(v);
    }
    return out.append('"').append(v.replace("\"", "\"\"")).append('"');
  }

  private static final class NotUtf8 extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int line;

    NotUtf8(int line) {
      super(null, null, false, false);
      this.line = line;
    }
  }

  /** Bad rows: all counted, the first {@link #MAX_ERRORS} kept. */
  private static final class Errors {
    final List<RowError> list = new ArrayList<>();
    int count;

    void add(int line, String reason) {
      count++;
      if (list.size() < MAX_ERRORS) {
        list.add(new RowError(line, reason));
      }
    }
  }
}
