package org.hotline.core.customer;

import java.util.List;

/**
 * What a CSV import did.
 *
 * @param committed whether the rows were stored: none was bad, or the bad ones were skipped as
 *     asked; false when a bad row stopped the import and nothing was stored
 * @param rows the data rows read (blank lines not counted)
 * @param imported the customers stored
 * @param skipped the bad rows left out (only when asked to skip them)
 * @param errorCount how many rows were bad in all
 * @param errors the bad rows, by line, the first {@link CustomerCsv#MAX_ERRORS} of them
 * @param millis how long the import took
 */
public record CsvImportReport(
    boolean committed,
    int rows,
    int imported,
    int skipped,
    int errorCount,
    List<RowError> errors,
    long millis) {
  public CsvImportReport {
    errors = List.copyOf(errors);
  }

  /**
   * One bad row.
   *
   * @param line the (1-based) line of the file the row starts on; the header is line 1
   * @param reason what is wrong with it
   */
  public record RowError(int line, String reason) {}
}
