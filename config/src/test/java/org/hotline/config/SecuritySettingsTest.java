package org.hotline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The login keys: {@code hotline.admin.password}, {@code hotline.security.*}, {@code
 * hotline.http.metrics-open}.
 */
class SecuritySettingsTest {
  @Test
  void defaults_noAdminPassword_fiveFailuresLockForFifteenMinutes_metricsClosed() {
    HotlineConfig config = Configs.load();

    assertEquals("", config.security().adminPassword());
    assertEquals(5, config.security().maxFailedLogins());
    assertEquals(Duration.ofMinutes(15), config.security().lockout());
    assertFalse(config.http().metricsOpen());
    assertFalse(config.http().secureCookies());
  }

  @Test
  void values_areRead() {
    HotlineConfig config =
        Configs.load(
            "hotline.admin.password",
            "a-long-enough-one",
            "hotline.security.max-failed-logins",
            "3",
            "hotline.security.lockout",
            "PT1M",
            "hotline.http.metrics-open",
            "true",
            "hotline.http.secure-cookies",
            "true");

    assertEquals("a-long-enough-one", config.security().adminPassword());
    assertEquals(3, config.security().maxFailedLogins());
    assertEquals(Duration.ofMinutes(1), config.security().lockout());
    assertTrue(config.http().metricsOpen());
    assertTrue(config.http().secureCookies());
  }

  @Test
  void shortAdminPassword_isRefused_withoutShowingIt() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> Configs.load("hotline.admin.password", "short-pw"));

    assertTrue(e.getMessage().contains("hotline.admin.password"));
    assertFalse(e.getMessage().contains("short-pw"));
  }

  @Test
  void toString_hidesTheAdminPassword() {
    assertFalse(
        Configs.load("hotline.admin.password", "a-long-enough-one")
            .toString()
            .contains("a-long-enough-one"));
  }
}
