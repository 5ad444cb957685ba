package org.hotline.ivr.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * When a contact center is open: weekly opening hours in a time zone, holidays when it is closed
 * all day, and special dates with hours of their own (a working Saturday, a short Christmas Eve).
 *
 * <p>Instants are turned into local time with the zone's rules, so opening hours stay at the same
 * wall-clock time across a daylight-saving change.
 *
 * @param name the calendar's name in the flows file ({@code office})
 * @param zone the time zone the hours are in ({@code Asia/Shanghai})
 * @param weekly opening ranges per weekday; a day not listed is closed
 * @param holidays dates closed all day, unless they are special dates
 * @param special dates with their own ranges (empty list: closed), over weekly hours and holidays
 */
public record BusinessCalendar(
    String name,
    ZoneId zone,
    Map<DayOfWeek, List<OpeningHours>> weekly,
    Set<LocalDate> holidays,
    Map<LocalDate, List<OpeningHours>> special) {

  public BusinessCalendar {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(zone, "zone");
    weekly = weekly.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(weekly));
    holidays = Set.copyOf(holidays);
    special = Map.copyOf(special);
  }

  /** Whether the calendar is open at {@code instant}. */
  public boolean isOpen(Instant instant) {
    ZonedDateTime local = instant.atZone(zone);
    LocalDate date = local.toLocalDate();
    List<OpeningHours> ranges;
    if (special.containsKey(date)) {
      ranges = special.get(date);
    } else if (holidays.contains(date)) {
      ranges = List.of();
    } else {
      ranges = weekly.getOrDefault(local.getDayOfWeek(), List.of());
    }
    return ranges.stream().anyMatch(range -> range.contains(local.toLocalTime()));
  }
}
