package org.hotline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The report keys: {@code hotline.reports.*}. */
class ReportSettingsTest {
  @Test
  void defaults_areShanghaiAndFiveSeconds() {
    ReportSettings r = Configs.load().reports();

    assertEquals(ZoneId.of("Asia/Shanghai"), r.timeZone());
    assertEquals(Duration.ofSeconds(5), r.shortAbandon());
  }

  @Test
  void set_zoneAndShortAbandon_areRead() {
    ReportSettings r =
        Configs.load("hotline.reports.time-zone", "+02:00", "hotline.reports.short-abandon", "0")
            .reports();

    assertEquals(ZoneId.of("+02:00"), r.timeZone());
    assertEquals(Duration.ZERO, r.shortAbandon());
  }

  @Test
  void badValues_nameTheKey() {
    assertTrue(
        assertThrows(
                ConfigException.class,
                () -> Configs.load("hotline.reports.time-zone", "Mars/Olympus"))
            .getMessage()
            .contains("hotline.reports.time-zone"));
    assertTrue(
        assertThrows(
                ConfigException.class, () -> Configs.load("hotline.reports.short-abandon", "PT1H"))
            .getMessage()
            .contains("hotline.reports.short-abandon"));
  }
}
