package org.hotline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The report keys: {@code hotline.reports.*}. */
class ReportSettingsTest {
  private static HotlineConfig load(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return ConfigLoader.load(null, Map.of(), p);
  }

  @Test
  void defaults_areShanghaiAndFiveSeconds() {
    ReportSettings r = load().reports();

    assertEquals(ZoneId.of("Asia/Shanghai"), r.timeZone());
    assertEquals(Duration.ofSeconds(5), r.shortAbandon());
  }

  @Test
  void set_zoneAndShortAbandon_areRead() {
    ReportSettings r = load("hotline.reports.time-zone", "+02:00", "hotline.reports.short-abandon", "0").reports();

    assertEquals(ZoneId.of("+02:00"), r.timeZone());
    assertEquals(Duration.ZERO, r.shortAbandon());
  }

  @Test
  void badValues_nameTheKey() {
    assertTrue(assertThrows(ConfigException.class, () -> load("hotline.reports.time-zone", "Mars/Olympus")).getMessage().contains("hotline.reports.time-zone"));
    assertTrue(assertThrows(ConfigException.class, () -> load("hotline.reports.short-abandon", "PT1H")).getMessage().contains("hotline.reports.short-abandon"));
  }
}
