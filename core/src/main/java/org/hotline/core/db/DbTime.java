package org.hotline.core.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * How instants are stored: as UTC {@code TIMESTAMP WITH TIME ZONE} values at microsecond precision,
 * the finest both H2 and PostgreSQL keep, so a value read back equals the value written.
 */
public final class DbTime {
  private DbTime() {}

  /** {@code at} as stored; null for null. */
  public static OffsetDateTime utc(Instant at) {
    return at == null
        ? null
        : OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }
}
