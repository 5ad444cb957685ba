package org.hotline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The ACD section of the configuration: defaults, overrides and refusals. */
class AcdSettingsTest {
  private static AcdSettings load(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return ConfigLoader.load(null, Map.of(), p).acd();
  }

  @Test
  void defaults_areTheDocumentedOnes_andMatchTheShortConstructor() {
    AcdSettings acd = load();
    assertEquals(1, acd.weight());
    assertEquals(0, acd.maxWaiting());
    assertEquals(Duration.ZERO, acd.maxWait());
    assertTrue(acd.joinWhenNoAgents());
    assertEquals(Duration.ofSeconds(20), acd.serviceLevel());
    assertEquals(List.of("lunch", "meeting", "training", "personal"), acd.breakReasons());
    assertEquals(1, acd.callbackAttempts());
    assertEquals(Duration.ofMinutes(5), acd.callbackRetry());
    assertEquals(new AcdSettings(Duration.ofSeconds(15)), acd);
  }

  @Test
  void everyAcdKey_canBeSet() {
    AcdSettings acd =
        load(
            "hotline.acd.strategy", "ring-all",
            "hotline.acd.weight", "3",
            "hotline.acd.max-waiting", "50",
            "hotline.acd.max-wait", "PT5M",
            "hotline.acd.when-no-agents", "leave",
            "hotline.acd.service-level", "30",
            "hotline.acd.break-reasons", " Lunch , coaching",
            "hotline.acd.callback-attempts", "3",
            "hotline.acd.callback-retry", "PT10M");
    assertEquals("ring-all", acd.strategy());
    assertEquals(3, acd.weight());
    assertEquals(50, acd.maxWaiting());
    assertEquals(Duration.ofMinutes(5), acd.maxWait());
    assertFalse(acd.joinWhenNoAgents());
    assertEquals(Duration.ofSeconds(30), acd.serviceLevel());
    assertEquals(List.of("lunch", "coaching"), acd.breakReasons());
    assertEquals(3, acd.callbackAttempts());
    assertEquals(Duration.ofMinutes(10), acd.callbackRetry());
  }

  @Test
  void badValues_areRefusedNamingTheKey() {
    assertTrue(
        assertThrows(ConfigException.class, () -> load("hotline.acd.weight", "0"))
            .getMessage()
            .startsWith("hotline.acd.weight='0'"));
    assertTrue(
        assertThrows(ConfigException.class, () -> load("hotline.acd.when-no-agents", "hangup"))
            .getMessage()
            .startsWith("hotline.acd.when-no-agents='hangup'"));
    assertTrue(
        assertThrows(ConfigException.class, () -> load("hotline.acd.break-reasons", "lunch,missed"))
            .getMessage()
            .contains("not including missed"));
    assertThrows(ConfigException.class, () -> load("hotline.acd.break-reasons", "lunch,lunch"));
    assertThrows(ConfigException.class, () -> load("hotline.acd.strategy", "random"));
  }
}
