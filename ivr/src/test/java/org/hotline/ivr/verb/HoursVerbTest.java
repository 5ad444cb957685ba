package org.hotline.ivr.verb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.core.time.ManualClock;
import org.hotline.ivr.calendar.BusinessCalendar;
import org.hotline.ivr.calendar.OpeningHours;
import org.hotline.ivr.fake.FakeCall;
import org.hotline.ivr.fake.FakeStores;
import org.junit.jupiter.api.Test;

/** Business hours: weekly ranges, holidays, special dates, time zones and daylight saving. */
class HoursVerbTest {
  private static final List<OpeningHours> NINE_TO_SIX = List.of(OpeningHours.parse("09:00-18:00"));

  private static final BusinessCalendar SHANGHAI =
      new BusinessCalendar(
          "office",
          ZoneId.of("Asia/Shanghai"),
          Map.of(
              DayOfWeek.MONDAY,
              NINE_TO_SIX,
              DayOfWeek.TUESDAY,
              NINE_TO_SIX,
              DayOfWeek.WEDNESDAY,
              NINE_TO_SIX,
              DayOfWeek.THURSDAY,
              NINE_TO_SIX,
              DayOfWeek.FRIDAY,
              NINE_TO_SIX,
              DayOfWeek.SATURDAY,
              List.of(OpeningHours.parse("10:00-14:00"))),
          Set.of(LocalDate.parse("2026-10-01")),
          Map.of(LocalDate.parse("2026-10-11"), NINE_TO_SIX)); // a working Sunday

  /** Open 08:00-09:00 on Sundays, Berlin time: around the clock change at 02:00 or 03:00. */
  private static final BusinessCalendar BERLIN =
      new BusinessCalendar(
          "berlin",
          ZoneId.of("Europe/Berlin"),
          Map.of(DayOfWeek.SUNDAY, List.of(OpeningHours.parse("08:00-09:00"))),
          Set.of(),
          Map.of());

  private final ManualClock clock = new ManualClock(Instant.EPOCH);
  private final FakeCall call = new FakeCall();
  private final FlowContext ctx =
      new FlowContext(
          call, "en", new FakeStores().services(clock, Map.of()), name -> Optional.empty());

  private String branchAt(String instant) throws InterruptedException {
    clock.set(Instant.parse(instant));
    call.media().played().clear();
    new HoursVerb(SHANGHAI, PlayVerb.of("welcome"), PlayVerb.of("closed")).execute(ctx);
    return call.media().promptsPlayed().getFirst();
  }

  @Test
  void hours_weekdayInsideRange_isOpen_inTheCalendarsZone() throws InterruptedException {
    assertEquals("welcome", branchAt("2026-03-02T01:00:00Z")); // Monday 09:00 in Shanghai
    assertEquals("closed", branchAt("2026-03-02T00:59:00Z")); // 08:59
    assertEquals("closed", branchAt("2026-03-02T10:00:00Z")); // 18:00: the end is closed
  }

  @Test
  void hours_saturdayHasItsOwnRange_andSundayIsClosed() throws InterruptedException {
    assertEquals("welcome", branchAt("2026-03-07T03:00:00Z")); // Saturday 11:00
    assertEquals("closed", branchAt("2026-03-07T07:00:00Z")); // Saturday 15:00
    assertEquals("closed", branchAt("2026-03-08T03:00:00Z")); // Sunday 11:00
  }

  @Test
  void hours_holiday_isClosedAllDay() throws InterruptedException {
    assertEquals("closed", branchAt("2026-10-01T03:00:00Z")); // Thursday 11:00, National Day
  }

  @Test
  void hours_specialDate_hasItsOwnHours() throws InterruptedException {
    assertEquals("welcome", branchAt("2026-10-11T03:00:00Z")); // Sunday, a working day
  }

  @Test
  void calendar_springForward_keepsWallClockHours() {
    // 29 March 2026: Berlin goes from CET (+1) to CEST (+2) at 02:00.
    assertTrue(BERLIN.isOpen(Instant.parse("2026-03-29T06:30:00Z"))); // 08:30 CEST
    assertFalse(
        BERLIN.isOpen(Instant.parse("2026-03-29T07:30:00Z"))); // 09:30 CEST, though 08:30 in CET
    assertFalse(BERLIN.isOpen(Instant.parse("2026-03-29T05:30:00Z"))); // 07:30 CEST
  }

  @Test
  void calendar_fallBack_keepsWallClockHours() {
    // 25 October 2026: Berlin goes back from CEST (+2) to CET (+1) at 03:00.
    assertTrue(BERLIN.isOpen(Instant.parse("2026-10-25T07:30:00Z"))); // 08:30 CET
    assertFalse(
        BERLIN.isOpen(Instant.parse("2026-10-25T06:30:00Z"))); // 07:30 CET, though 08:30 in CEST
  }

  @Test
  void openingHours_parse_refusesRangesThatEndBeforeTheyStart() {
    assertEquals(24 * 60, OpeningHours.parse("20:00-24:00").endMinute());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> OpeningHours.parse("22:00-06:00"));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> OpeningHours.parse("9-5"));
  }
}
