package org.hotline.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Supervisor reports built from CDRs and agent state changes.
 *
 * @param timeZone the zone whose hours, days, weeks and months the reports count in, and in which a
 *     bare date ({@code 2026-11-01}) starts
 * @param shortAbandon callers who hang up in a queue before waiting this long are short abandons:
 *     reported apart and counted in neither offered nor abandoned calls
 */
public record ReportSettings(ZoneId timeZone, Duration shortAbandon) {
  public ReportSettings {
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(shortAbandon, "shortAbandon");
    if (shortAbandon.isNegative()) {
      throw new IllegalArgumentException("shortAbandon must not be negative: " + shortAbandon);
    }
  }
}
