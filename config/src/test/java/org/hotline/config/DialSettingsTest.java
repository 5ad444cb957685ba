package org.hotline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hotline.config.DialRule.Match;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What Hotline may dial: {@code hotline.dial.allow}. */
class DialSettingsTest {
  @Test
  void default_isNationalNumbersButNotPremiumRate() {
    DialSettings dial = Configs.load().dial();

    assertEquals(
        List.of(new DialRule(false, Match.NATIONAL, ""), new DialRule(true, Match.TYPE, "premium")),
        dial.allow());
    assertEquals("national,!premium", dial.written());
  }

  @Test
  void everyKindOfRule_isRead_andWrittenBackAsGiven() {
    DialSettings dial =
        Configs.load(
                "hotline.dial.allow",
                " national , international,mobile,+852*, +862161234567,+*, !+86400* ,!voip")
            .dial();

    assertEquals(
        List.of(
            new DialRule(false, Match.NATIONAL, ""),
            new DialRule(false, Match.INTERNATIONAL, ""),
            new DialRule(false, Match.TYPE, "mobile"),
            new DialRule(false, Match.PREFIX, "+852"),
            new DialRule(false, Match.NUMBER, "+862161234567"),
            new DialRule(false, Match.PREFIX, "+"),
            new DialRule(true, Match.PREFIX, "+86400"),
            new DialRule(true, Match.TYPE, "voip")),
        dial.allow());
    assertEquals(
        "national,international,mobile,+852*,+862161234567,+*,!+86400*,!voip", dial.written());
  }

  @Test
  void everyNumberType_isARule() {
    for (String type : DialRule.TYPES) {
      assertEquals(new DialRule(true, Match.TYPE, type), DialRule.parse("!" + type));
    }
  }

  @Test
  void empty_dialsNothing() {
    assertTrue(Configs.load("hotline.dial.allow", "").dial().allow().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "natonal",
        "+86 10*",
        "8610*",
        "+0*",
        "+8610**",
        "+1234567890123456",
        "premium-rate",
        "!",
        "*",
        "+86*10"
      })
  void aRuleThatIsNone_stopsTheStart_namingTheKeyTheValueAndWhatIsAllowed(String rule) {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> Configs.load("hotline.dial.allow", "national," + rule));

    assertTrue(
        e.getMessage()
            .startsWith(
                "hotline.dial.allow='national,"
                    + rule
                    + "' is not allowed: expected comma-separated rules"),
        e.getMessage());
    assertTrue(e.getMessage().contains("mobile, toll-free, premium"), e.getMessage());
  }

  @Test
  void rulesThatOnlyRefuse_stopTheStart() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> Configs.load("hotline.dial.allow", "!premium"));

    assertTrue(
        e.getMessage().startsWith("hotline.dial.allow='!premium' is not allowed"), e.getMessage());
    assertTrue(e.getMessage().contains("empty value to dial nothing"), e.getMessage());
  }
}
