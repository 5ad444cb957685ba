package org.hotline.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Time buckets follow the report zone's calendar, daylight-saving changes included. */
class BucketsTest {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  static Instant ny(String local) {
    return LocalDateTime.parse(local).atZone(NEW_YORK).toInstant();
  }

  @Test
  void theDayDaylightSavingEnds_lasts25Hours_andHas25HourBuckets() {
    // 2026-11-01: clocks in New York go back from 02:00 EDT to 01:00 EST.
    List<OffsetDateTime> days =
        Buckets.bounds(ny("2026-11-01T00:00"), ny("2026-11-02T00:00"), Interval.DAY, NEW_YORK);
    assertEquals(2, days.size());
    assertEquals(Duration.ofHours(25), Duration.between(days.get(0), days.get(1)));
    assertEquals("2026-11-01T00:00-04:00", days.get(0).toString());
    assertEquals("2026-11-02T00:00-05:00", days.get(1).toString());

    assertEquals(
        26,
        Buckets.bounds(ny("2026-11-01T00:00"), ny("2026-11-02T00:00"), Interval.HOUR, NEW_YORK)
            .size());
  }

  @Test
  void bucketsAreAlignedToTheCalendar_theFirstMayStartBeforeTheRange() {
    List<OffsetDateTime> weeks =
        Buckets.bounds(ny("2026-11-04T15:30"), ny("2026-11-10T00:00"), Interval.WEEK, NEW_YORK);

    assertEquals(
        List.of("2026-11-02T00:00-05:00", "2026-11-09T00:00-05:00", "2026-11-16T00:00-05:00"),
        weeks.stream().map(OffsetDateTime::toString).toList());
    assertEquals(
        List.of("2026-10-01T00:00-04:00", "2026-11-01T00:00-04:00"),
        Buckets.bounds(ny("2026-10-15T00:00"), ny("2026-11-01T00:00"), Interval.MONTH, NEW_YORK)
            .stream()
            .map(OffsetDateTime::toString)
            .toList());
  }

  @Test
  void tooManyBuckets_areRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Buckets.bounds(
                ny("2020-01-01T00:00"), ny("2026-01-01T00:00"), Interval.HOUR, NEW_YORK));
  }
}
