package org.hotline.config;

import java.util.List;

/**
 * The customer directory.
 *
 * @param levels the customer levels, highest first ({@code VIP, gold, silver, normal}); a
 *     customer's level is one of them
 * @param importMaxMib the largest CSV import, in MiB ({@code hotline.customer.import-max-mib})
 */
public record CustomerSettings(List<String> levels, int importMaxMib) {
  /** The default of {@code hotline.customer.import-max-mib}. */
  public static final int DEFAULT_IMPORT_MAX_MIB = 64;

  public CustomerSettings {
    levels = List.copyOf(levels);
    if (importMaxMib < 1) {
      throw new IllegalArgumentException("importMaxMib must be at least 1: " + importMaxMib);
    }
  }

  /** These levels, and imports up to {@value #DEFAULT_IMPORT_MAX_MIB} MiB. */
  public CustomerSettings(List<String> levels) {
    this(levels, DEFAULT_IMPORT_MAX_MIB);
  }

  /** The largest CSV import, in bytes. */
  public long importMaxBytes() {
    return importMaxMib * 1024L * 1024L;
  }
}
