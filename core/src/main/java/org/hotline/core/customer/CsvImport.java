package org.hotline.core.customer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.core.customer.CsvImportReport.RowError;
import org.hotline.core.customer.CsvRowDecoder.Row;

/**
 * One CSV import as its rows arrive ({@link CsvRowDecoder}), inside the import's transaction: each
 * row checked at once, the good ones stored {@value #BATCH} at a time, so memory holds one batch,
 * the first {@link CustomerCsv#MAX_ERRORS} bad rows, and an id and a line (12 bytes) per customer
 * stored so far, to name the line of a number the file repeats.
 *
 * <p>A number twice in the file is an error on the later line naming the earlier; a number some
 * customer had before the import is an error naming the customer. The database tells both apart:
 * the import's own customers are visible to it in its transaction.
 */
final class CsvImport {
  /** Rows stored per batch. */
  static final int BATCH = 1_000;

  /** Stops reading the file: its header is bad. */
  static final class BadHeader extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadHeader() {
      super(null, null, false, false);
    }
  }

  private final CustomerDirectory directory;
  private final CustomerRepository tx;
  private final Errors errors = new Errors();
  private Map<String, Integer> columns;
  private int rows;
  private int imported;

  private final List<CustomerDraft> batch = new ArrayList<>(BATCH);
  private final List<Integer> batchLines = new ArrayList<>(BATCH);

  /** The line of each number of the batch. */
  private final Map<String, Integer> batchNumbers = new HashMap<>();

  /** The customers this import stored, ids ascending, and the line each came from. */
  private long[] storedIds = new long[BATCH];

  private int[] storedLines = new int[BATCH];
  private int stored;

  /**
   * @param directory checks each row as the directory would
   * @param tx the customers, in the import's transaction
   */
  CsvImport(CustomerDirectory directory, CustomerRepository tx) {
    this.directory = directory;
    this.tx = tx;
  }

  /**
   * Takes the next row of the file: the header first.
   *
   * @throws BadHeader when the header is bad (the error is reported): the rest is not read
   */
  void row(Row row) {
    if (columns == null) {
      columns = CustomerCsv.header(row, errors);
      if (columns == null) {
        throw new BadHeader();
      }
      return;
    }
    if (row.blank()) {
      return;
    }
    rows++;
    try {
      CustomerDraft draft = directory.checked(CustomerCsv.draft(row, columns));
      for (String phone : draft.phones()) {
        Integer first = batchNumbers.get(phone);
        if (first != null) {
          errors.add(row.line(), repeated(phone, first, row.line()));
          return;
        }
      }
      draft.phones().forEach(p -> batchNumbers.put(p, row.line()));
      batch.add(draft);
      batchLines.add(row.line());
      if (batch.size() >= BATCH) {
        flush();
      }
    } catch (InvalidCustomerException e) {
      errors.add(row.line(), e.getMessage());
    }
  }

  /**
   * A row that could not be read (a quote never closed, a row too long): bad, and the last one
   * read.
   */
  void malformed(CsvRowDecoder.Malformed e) {
    if (columns != null) {
      rows++;
    }
    errors.add(e.line, e.getMessage());
  }

  /** The end of the file: an empty one has no header. */
  void end() {
    if (columns == null && errors.count == 0) {
      errors.add(1, "no header row; expected " + CustomerCsv.HEADER);
    }
    flush();
  }

  /**
   * Stores the rows of the batch whose numbers no customer has; the others are errors, naming the
   * earlier line when the customer is this import's.
   */
  void flush() {
    if (batch.isEmpty()) {
      return;
    }
    Set<String> numbers = new HashSet<>(batchNumbers.keySet());
    Map<String, Long> owners = tx.owners(numbers);
    List<CustomerDraft> free = new ArrayList<>(batch.size());
    List<Integer> freeLines = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      CustomerDraft d = batch.get(i);
      int line = batchLines.get(i);
      String owned = d.phones().stream().filter(owners::containsKey).findFirst().orElse(null);
      if (owned == null) {
        free.add(d);
        freeLines.add(line);
        continue;
      }
      long owner = owners.get(owned);
      int earlier = lineOf(owner);
      errors.add(
          line,
          earlier > 0
              ? repeated(owned, earlier, line)
              : "number " + owned + " belongs to customer " + owner + " already");
    }
    remember(tx.insertBatch(free), freeLines);
    imported += free.size();
    batch.clear();
    batchLines.clear();
    batchNumbers.clear();
  }

  /** Whether a row was bad. */
  boolean hasErrors() {
    return errors.count > 0;
  }

  /** What the import did: {@code committed} when its rows are stored. */
  CsvImportReport report(boolean committed, long startNanos) {
    return errors.report(committed, rows, committed ? imported : 0, startNanos);
  }

  /** The report of an import that read no row: the file itself is bad. */
  static CsvImportReport failed(int line, String reason, long startNanos) {
    Errors errors = new Errors();
    errors.add(line, reason);
    return errors.report(false, 0, 0, startNanos);
  }

  private static String repeated(String phone, int first, int line) {
    return "number "
        + phone
        + " is on line "
        + first
        + " already (lines "
        + first
        + " and "
        + line
        + ")";
  }

  /** Keeps the ids of the customers stored and their lines, ascending by id. */
  private void remember(long[] ids, List<Integer> lines) {
    Integer[] order = new Integer[ids.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
    if (stored + ids.length > storedIds.length) {
      int size = Math.max(stored + ids.length, storedIds.length * 2);
      storedIds = Arrays.copyOf(storedIds, size);
      storedLines = Arrays.copyOf(storedLines, size);
    }
    for (int i : order) {
      storedIds[stored] = ids[i];
      storedLines[stored] = lines.get(i);
      stored++;
    }
  }

  /**
   * The line this import stored customer {@code id} from; 0 when the customer is not this import's.
   */
  private int lineOf(long id) {
    int at = Arrays.binarySearch(storedIds, 0, stored, id);
    return at >= 0 ? storedLines[at] : 0;
  }

  /** Bad rows: all counted, the first {@link CustomerCsv#MAX_ERRORS} kept. */
  static final class Errors {
    final List<RowError> list = new ArrayList<>();
    int count;

    void add(int line, String reason) {
      count++;
      if (list.size() < CustomerCsv.MAX_ERRORS) {
        list.add(new RowError(line, reason));
      }
    }

    CsvImportReport report(boolean committed, int rows, int imported, long startNanos) {
      List<RowError> sorted = new ArrayList<>(list);
      sorted.sort((a, b) -> Integer.compare(a.line(), b.line()));
      return new CsvImportReport(
          committed,
          rows,
          imported,
          committed ? count : 0,
          count,
          sorted,
          (System.nanoTime() - startNanos) / 1_000_000);
    }
  }
}
