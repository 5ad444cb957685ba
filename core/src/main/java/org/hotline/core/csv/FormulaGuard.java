package org.hotline.core.csv;

import java.util.regex.Pattern;

/**
 * The guard against spreadsheet formula injection in every CSV export: a text cell that a
 * spreadsheet would run as a formula gets a leading {@code '}, which makes it plain text.
 *
 * <p>A cell is a formula to a spreadsheet when it begins with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return (OWASP, "CSV Injection"). Customer names, notes, caller
 * numbers and hang-up causes come from people and from the network, so any of them may be one:
 * {@code =HYPERLINK(...)} or {@code +cmd|...} runs when a supervisor opens the export.
 *
 * <p>A phone number, or several separated by {@code ;}, is left as it is although it may begin with
 * {@code +} or {@code -} ({@code +8613800138000}, {@code +1 (650) 253-0000}): digits, spaces,
 * brackets and hyphens call no function and name no cell, and the export must give the number back
 * as it was. Numbers (durations, counts, which may be negative) are not text and never reach this
 * guard: {@link CsvWriter} writes them as they are.
 */
public final class FormulaGuard {
  private static final String FORMULA_START = "=+-@\t\r";
  private static final String PHONE_NUMBER = "[+-]?[0-9][0-9 ()-]*";
  private static final Pattern PHONE_NUMBERS =
      Pattern.compile(PHONE_NUMBER + "(;" + PHONE_NUMBER + ")*");

  private FormulaGuard() {}

  /**
   * {@code text} with a leading {@code '} when a spreadsheet would run it as a formula; else {@code
   * text} itself.
   */
  public static String neutralise(String text) {
    if (text.isEmpty()
        || FORMULA_START.indexOf(text.charAt(0)) < 0
        || PHONE_NUMBERS.matcher(text).matches()) {
      return text;
    }
    return "'" + text;
  }
}
