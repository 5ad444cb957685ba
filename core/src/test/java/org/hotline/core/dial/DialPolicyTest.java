package org.hotline.core.dial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.util.Arrays;
import org.hotline.config.DialRule;
import org.hotline.config.DialSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DialPolicyTest {
  /** The default of {@code hotline.dial.allow}, in the default region. */
  static final DialPolicy DEFAULT = policy("CN", "national,!premium");

  /** A CN premium-rate number, as libphonenumber's metadata gives one (168 information lines). */
  static final String CN_PREMIUM = e164("CN", PhoneNumberType.PREMIUM_RATE);

  static DialPolicy policy(String region, String rules) {
    return new DialPolicy(
        new DialSettings(
            Arrays.stream(rules.split(","))
                .filter(r -> !r.isBlank())
                .map(DialRule::parse)
                .toList()),
        region);
  }

  static String e164(String region, PhoneNumberType type) {
    PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
    return numbers.format(numbers.getExampleNumberForType(region, type), PhoneNumberFormat.E164);
  }

  static String reason(DialDecision decision) {
    return assertInstanceOf(DialDecision.Refused.class, decision).reason();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "13800138000",
        "+8613800138000",
        "02161234567",
        "+862161234567",
        "01012345678",
        "4001234567"
      })
  void byDefault_nationalMobileLandlineAndSharedCostNumbers_areAllowed(String number) {
    assertTrue(DEFAULT.check(number).allowed(), () -> DEFAULT.check(number).toString());
  }

  @Test
  void allowed_givesTheE164Form() {
    assertEquals(new DialDecision.Allowed("+8613800138000"), DEFAULT.check("13800138000"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"+12025550123", "0012025550123", "+447400123456", "+881612345678"})
  void byDefault_internationalNumbers_areRefused(String number) {
    assertFalse(DEFAULT.check(number).allowed(), number);
  }

  @Test
  void anInternationalRefusal_saysWhatTheNumberIsAndWhatIsAllowed() {
    assertEquals(
        "+12025550123 is an international fixed-line or mobile number (US), which hotline.dial.allow does not allow (national,!premium)",
        reason(DEFAULT.check("+12025550123")));
    assertEquals(
        "0012025550123 (+12025550123) is an international fixed-line or mobile number (US), which hotline.dial.allow does not allow"
            + " (national,!premium)",
        reason(DEFAULT.check("0012025550123")));
    assertTrue(
        reason(DEFAULT.check("+881612345678")).contains("(non-geographic, +881)"),
        "a satellite phone");
  }

  @Test
  void byDefault_aNationalPremiumRateNumber_isRefused_byTheRuleThatRefusesIt() {
    assertEquals("+8616812345", CN_PREMIUM, "the metadata's example");

    assertEquals(
        "+8616812345 is a national premium-rate number, which hotline.dial.allow refuses (!premium)",
        reason(DEFAULT.check(CN_PREMIUM)));
    assertFalse(DEFAULT.check("16812345").allowed(), "written nationally");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "abc",
        "sip:evil@example.com",
        "*21",
        "138#",
        "+",
        "++8613800138000",
        "1",
        "138 0013 8000",
        "123456789012345678901234567890123"
      })
  void garbage_isRefused_beforeAnyRule(String number) {
    DialPolicy everything = policy("CN", "+*");

    assertTrue(
        reason(everything.check(number)).contains("is not a phone number"),
        () -> everything.check(number).toString());
  }

  @Test
  void null_isRefused() {
    assertEquals(
        "'null' is not a phone number: digits, with + before a country code",
        reason(DEFAULT.check(null)));
  }

  @Test
  void aNumberThatIsNotValid_matchesNoKeyword() {
    assertEquals(
        "13800131 (+8613800131) is not a valid number of CN, which hotline.dial.allow does not allow (national,!premium)",
        reason(DEFAULT.check("13800131")));
    assertTrue(
        reason(policy("CN", "international").check("+19995550123"))
            .contains("not a valid number (country code +1)"));
    assertFalse(policy("CN", "international,mobile").check("+19995550123").allowed());
  }

  @Test
  void prefixAndNumberRules_matchTheE164Form_validOrNot() {
    DialPolicy p = policy("CN", "+8610*,+862161234567,+86138001*");

    assertTrue(p.check("01012345678").allowed(), "Beijing, written nationally");
    assertTrue(p.check("+862161234567").allowed());
    assertFalse(p.check("+862161234568").allowed(), "a number rule is that number only");
    assertTrue(
        p.check("13800131").allowed(), "a prefix reaches numbers the metadata does not know");
    assertFalse(p.check("13900139000").allowed(), "not under any prefix");
  }

  @Test
  void refusingRules_winOverAllowingOnes_inAnyOrder() {
    DialPolicy p = policy("CN", "!+86400*,national");

    assertTrue(p.check("13800138000").allowed());
    assertEquals(
        "4001234567 (+864001234567) is a national shared-cost number, which hotline.dial.allow refuses (!+86400*)",
        reason(p.check("4001234567")));
  }

  @Test
  void typeRules_matchInAnyRegion_andCombineWithInternationalToStayNational() {
    DialPolicy mobiles = policy("CN", "mobile");
    assertTrue(mobiles.check("13800138000").allowed());
    assertTrue(mobiles.check("+447400123456").allowed(), "a UK mobile");
    assertFalse(mobiles.check("+862161234567").allowed(), "a landline");

    DialPolicy nationalMobiles = policy("CN", "mobile,!international");
    assertTrue(nationalMobiles.check("13800138000").allowed());
    assertFalse(nationalMobiles.check("+447400123456").allowed());
  }

  @Test
  void international_allowsOtherRegions_andItsRefusalCatchesForeignNumbersThatAreNotValid() {
    DialPolicy p = policy("CN", "international,!premium");
    assertTrue(p.check("+12025550123").allowed());
    assertFalse(p.check("13800138000").allowed(), "national numbers are not international");
    assertFalse(
        p.check(e164("GB", PhoneNumberType.PREMIUM_RATE)).allowed(), "a UK premium-rate number");

    DialPolicy anyButForeign = policy("CN", "+*,!international");
    assertFalse(
        anyButForeign.check("+19995550123").allowed(), "an invalid +1 number is still foreign");
    assertTrue(anyButForeign.check("13800131").allowed());
  }

  @Test
  void national_followsTheDefaultRegion() {
    DialPolicy us = policy("US", "national,!premium");

    assertTrue(us.check("2025550123").allowed());
    assertFalse(us.check("+8613800138000").allowed());
    assertFalse(us.check(e164("US", PhoneNumberType.PREMIUM_RATE)).allowed(), "1-900");
  }

  @Test
  void aRegionWithoutNumbersOfItsOwn_hasNoNationalNumbers() {
    DialPolicy antarctica = policy("AQ", "national,+86*");

    assertFalse(antarctica.check("13800138000").allowed());
    assertTrue(antarctica.check("+8613800138000").allowed());
  }

  @Test
  void noRules_allowNothing() {
    assertTrue(
        reason(policy("CN", "").check("13800138000"))
            .endsWith("does not allow (empty: no number is dialled)"));
  }

  @Test
  void everyTypeWord_isKnown() {
    for (String type : DialRule.TYPES) {
      assertEquals("!" + type, policy("CN", "national,!" + type).rules().split(",")[1]);
    }
  }
}
