package org.hotline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The caller-location and customer keys: {@code hotline.location.*}, {@code hotline.customer.*}.
 */
class LocationAndCustomerSettingsTest {
  @Test
  void defaults_areChineseNamesRegionCnAndFourLevels() {
    HotlineConfig c = Configs.load();

    assertEquals("zh", c.location().language());
    assertEquals("CN", c.location().defaultRegion());
    assertEquals(List.of("VIP", "gold", "silver", "normal"), c.customers().levels());
  }

  @Test
  void set_localeRegionAndLevels_areRead_regionUpperCased_levelsTrimmed() {
    HotlineConfig c =
        Configs.load(
            "hotline.location.locale",
            "en",
            "hotline.location.default-region",
            "us",
            "hotline.customer.levels",
            " A , B ");

    assertEquals("en", c.location().language());
    assertEquals("US", c.location().defaultRegion());
    assertEquals(List.of("A", "B"), c.customers().levels());
  }

  @Test
  void badValues_nameTheKey() {
    assertTrue(
        assertThrows(ConfigException.class, () -> Configs.load("hotline.location.locale", "fr"))
            .getMessage()
            .contains("hotline.location.locale"));
    assertTrue(
        assertThrows(
                ConfigException.class,
                () -> Configs.load("hotline.location.default-region", "China"))
            .getMessage()
            .contains("hotline.location.default-region"));
    assertTrue(
        assertThrows(
                ConfigException.class, () -> Configs.load("hotline.location.default-region", "XX"))
            .getMessage()
            .contains("ISO 3166"));
    assertTrue(
        assertThrows(
                ConfigException.class, () -> Configs.load("hotline.customer.levels", "VIP,,gold"))
            .getMessage()
            .contains("hotline.customer.levels"));
    assertTrue(
        assertThrows(
                ConfigException.class, () -> Configs.load("hotline.customer.levels", "VIP,VIP"))
            .getMessage()
            .contains("hotline.customer.levels"));
  }
}
