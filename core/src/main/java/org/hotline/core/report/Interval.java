package org.hotline.core.report;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The length of a volume report's time bucket, counted in the report's time zone. */
public enum Interval {
  HOUR,
  DAY,
  /** A week starts on Monday. */
  WEEK,
  MONTH;

  /** The start of the bucket holding {@code t}, in {@code t}'s zone. */
  ZonedDateTime floor(ZonedDateTime t) {
    return switch (this) {
      case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
      case DAY -> t.truncatedTo(ChronoUnit.DAYS);
      case WEEK ->
          t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
    };
  }

  /**
   * The start of the bucket after the one starting at {@code start}: an hour later on the time line
   * (so the hour repeated when clocks go back is a bucket of its own), or the next day, week or
   * month on the calendar (a day may last 23 or 25 hours).
   */
  ZonedDateTime next(ZonedDateTime start) {
    return switch (this) {
      case HOUR -> start.plusHours(1);
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
    };
  }

  /** The name used in the API: {@code hour}, {@code day}, {@code week}, {@code month}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The interval named {@code code}.
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static Interval fromCode(String code) {
    for (Interval i : values()) {
      if (i.code().equals(code)) {
        return i;
      }
    }
    throw new IllegalArgumentException("expected hour, day, week or month, got '" + code + "'");
  }
}
