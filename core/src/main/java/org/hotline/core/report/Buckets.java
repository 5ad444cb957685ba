package org.hotline.core.report;

import static org.hotline.core.db.DbTime.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Row2;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The time buckets of a volume report: the hours, days, weeks or months of the report's zone that
 * overlap a range, as a table {@code b(bucket_start, bucket_end)} the CDRs are joined to.
 *
 * <p>Buckets follow the zone's calendar, daylight-saving changes included (a day may last 23 or 25
 * hours); the first and the last may reach outside the range, whose calls alone count.
 */
final class Buckets {
  /** The most buckets one report may have: an hourly report over a year fits. */
  static final int MAX = 10_000;

  private Buckets() {}

  /**
   * The starts of the buckets overlapping {@code [from, to)}, and the end of the last one.
   *
   * @throws IllegalArgumentException when there would be more than {@link #MAX}
   */
  static List<OffsetDateTime> bounds(Instant from, Instant to, Interval interval, ZoneId zone) {
    List<OffsetDateTime> bounds = new ArrayList<>();
    ZonedDateTime start = interval.floor(from.atZone(zone));
    while (true) {
      OffsetDateTime at = start.toOffsetDateTime();
      bounds.add(at);
      if (!at.toInstant().isBefore(to)) {
        return bounds;
      }
      if (bounds.size() > MAX) {
        throw new IllegalArgumentException(
            "more than "
                + MAX
                + " "
                + interval.code()
                + " buckets from "
                + from
                + " to "
                + to
                + ": use a longer interval or a shorter range");
      }
      start = interval.next(start);
    }
  }

  /** {@code bounds} as consecutive (start, end) rows. */
  @SuppressWarnings("unchecked")
  static Table<?> table(List<OffsetDateTime> bounds) {
    Row2<OffsetDateTime, OffsetDateTime>[] rows = new Row2[bounds.size() - 1];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = DSL.row(utc(bounds.get(i).toInstant()), utc(bounds.get(i + 1).toInstant()));
    }
    return DSL.values(rows).as("b", "bucket_start", "bucket_end");
  }
}
