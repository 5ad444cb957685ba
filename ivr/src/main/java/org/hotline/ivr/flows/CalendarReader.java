package org.hotline.ivr.flows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.ivr.calendar.BusinessCalendar;
import org.hotline.ivr.calendar.OpeningHours;

/**
 * Reads one calendar of the flows file:
 *
 * <pre>
 * office:
 *   time-zone: Asia/Shanghai
 *   weekly:
 *     mon-fri: "09:00-18:00"
 *     sat: ["10:00-12:00", "13:00-14:00"]
 *   holidays: [2026-10-01, 2026-10-02]
 *   special:
 *     2026-09-27: "09:00-18:00"
 * </pre>
 */
final class CalendarReader {
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  private CalendarReader() {}

  static BusinessCalendar read(String name, JsonNode node) throws FlowsException {
    String where = "calendar " + name;
    Options options = Options.of(node, where, "a calendar");
    String zoneName = options.string("time-zone");
    ZoneId zone;
    try {
      zone = ZoneId.of(zoneName);
    } catch (DateTimeException e) {
      throw FlowsException.at(
          where, "time zone '" + zoneName + "' is not known (like Asia/Shanghai, Europe/Berlin)");
    }
    Map<DayOfWeek, List<OpeningHours>> weekly = new EnumMap<>(DayOfWeek.class);
    JsonNode week = options.get("weekly");
    if (week != null) {
      if (!week.isObject()) {
        throw FlowsException.at(
            where, "weekly must be days with their hours (mon-fri: \"09:00-18:00\")");
      }
      for (var day : week.properties()) {
        List<OpeningHours> hours = hours(day.getValue(), where, "weekly " + day.getKey());
        for (DayOfWeek d : days(day.getKey(), where)) {
          if (weekly.put(d, hours) != null) {
            throw FlowsException.at(where, "weekly names " + DAYS.get(d.ordinal()) + " twice");
          }
        }
      }
    }
    Set<LocalDate> holidays = new HashSet<>();
    for (JsonNode date : options.list("holidays")) {
      holidays.add(date(Options.scalar(date, where, "holiday"), where, "holiday"));
    }
    Map<LocalDate, List<OpeningHours>> special = new HashMap<>();
    JsonNode dates = options.get("special");
    if (dates != null) {
      if (!dates.isObject()) {
        throw FlowsException.at(
            where, "special must be dates with their hours (2026-09-27: \"09:00-18:00\")");
      }
      for (var date : dates.properties()) {
        special.put(
            date(date.getKey(), where, "special date"),
            hours(date.getValue(), where, "special " + date.getKey()));
      }
    }
    options.done();
    return new BusinessCalendar(name, zone, weekly, holidays, special);
  }

  /** {@code mon}, {@code mon-fri}, {@code sat,sun}. */
  private static List<DayOfWeek> days(String spec, String where) throws FlowsException {
    List<DayOfWeek> days = new ArrayList<>();
    for (String part : spec.split(",")) {
      String[] ends = part.strip().toLowerCase(java.util.Locale.ROOT).split("-");
      int from = DAYS.indexOf(ends[0].strip());
      int to = ends.length == 2 ? DAYS.indexOf(ends[1].strip()) : from;
      if (ends.length > 2 || from < 0 || to < 0 || to < from) {
        throw FlowsException.at(
            where,
            "weekly day '" + spec + "' is not a day or range of days (mon, mon-fri, sat,sun)");
      }
      for (int d = from; d <= to; d++) {
        days.add(DayOfWeek.of(d + 1));
      }
    }
    return days;
  }

  /** A range, a list of ranges, or {@code closed}. */
  private static List<OpeningHours> hours(JsonNode node, String where, String what)
      throws FlowsException {
    List<JsonNode> items = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(items::add);
    } else {
      items.add(node);
    }
    List<OpeningHours> hours = new ArrayList<>();
    for (JsonNode item : items) {
      String text = Options.scalar(item, where, what);
      if (text.equals("closed") && items.size() == 1) {
        return List.of();
      }
      try {
        hours.add(OpeningHours.parse(text));
      } catch (IllegalArgumentException e) {
        throw FlowsException.at(where, what + ": " + e.getMessage());
      }
    }
    return hours;
  }

  private static LocalDate date(String text, String where, String what) throws FlowsException {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw FlowsException.at(where, what + " '" + text + "' is not a date like 2026-10-01");
    }
  }
}
