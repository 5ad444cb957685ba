package org.hotline.ivr.calendar;

import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One opening range of a day in local time, {@code 09:00-18:00}: open from the start, closed from
 * the end. {@code 24:00} ends a range at midnight; a range past midnight is two ranges on two days.
 *
 * @param startMinute minutes after midnight when the range opens (0 to 1439)
 * @param endMinute minutes after midnight when it closes, after the start (up to 1440)
 */
public record OpeningHours(int startMinute, int endMinute) {
  private static final Pattern RANGE =
      Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

  public OpeningHours {
    if (startMinute < 0 || endMinute > 24 * 60 || startMinute >= endMinute) {
      throw new IllegalArgumentException("opening range must start before it ends, within the day");
    }
  }

  /**
   * Parses {@code HH:MM-HH:MM}.
   *
   * @throws IllegalArgumentException saying what is wrong with {@code text}
   */
  public static OpeningHours parse(String text) {
    Matcher m = RANGE.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a range like 09:00-18:00");
    }
    int start = minute(m.group(1), m.group(2), text);
    int end = minute(m.group(3), m.group(4), text);
    if (start >= end) {
      throw new IllegalArgumentException(
          "'" + text + "' ends before it starts (split a range past midnight over two days)");
    }
    return new OpeningHours(start, end);
  }

  private static int minute(String hours, String minutes, String text) {
    int h = Integer.parseInt(hours);
    int m = Integer.parseInt(minutes);
    if (h > 24 || m > 59 || (h == 24 && m > 0)) {
      throw new IllegalArgumentException("'" + text + "' has a time that does not exist");
    }
    return h * 60 + m;
  }

  /** Whether the range holds {@code time}. */
  public boolean contains(LocalTime time) {
    int minute = time.getHour() * 60 + time.getMinute();
    return minute >= startMinute && minute < endMinute;
  }

  @Override
  public String toString() {
    return "%02d:%02d-%02d:%02d"
        .formatted(startMinute / 60, startMinute % 60, endMinute / 60, endMinute % 60);
  }
}
