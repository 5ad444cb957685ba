package org.hotline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CTI keys: {@code hotline.cti.*}. */
class CtiSettingsTest {
  @Test
  void defaults_areTwelveHourTokensAndNoIntegrations() {
    CtiSettings cti = Configs.load().cti();

    assertEquals(Duration.ofHours(12), cti.tokenTtl());
    assertTrue(cti.integrations().isEmpty());
  }

  @Test
  void integrations_areReadAsUserPasswordPairs_inOrder() {
    CtiSettings cti = Configs.load("hotline.cti.integrations", "crm:s3cret, wallboard:a:b").cti();

    assertEquals(List.of("crm", "wallboard"), List.copyOf(cti.integrations().keySet()));
    assertEquals("a:b", cti.integrations().get("wallboard"));
  }

  @Test
  void toString_namesTheIntegrations_withoutTheirPasswords() {
    String text = Configs.load("hotline.cti.integrations", "crm:s3cret").cti().toString();

    assertTrue(text.contains("crm"), text);
    assertFalse(text.contains("s3cret"), text);
  }

  @Test
  void badIntegrations_failNamingTheKey_withoutShowingThePasswords() {
    for (String bad : List.of("crm", "crm:", ":pw", "crm:a,crm:b", "c r m:pw")) {
      ConfigException e =
          assertThrows(
              ConfigException.class,
              () -> Configs.load("hotline.cti.integrations", "ok:s3cret," + bad));

      assertTrue(e.getMessage().startsWith("hotline.cti.integrations="), e.getMessage());
      assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }
  }

  @Test
  void tokenTtl_outsideOneMinuteToThirtyDays_isRefused() {
    assertThrows(ConfigException.class, () -> Configs.load("hotline.cti.token-ttl", "PT30S"));
    assertThrows(ConfigException.class, () -> Configs.load("hotline.cti.token-ttl", "P31D"));
    assertEquals(
        Duration.ofMinutes(30), Configs.load("hotline.cti.token-ttl", "1800").cti().tokenTtl());
  }
}
