package org.hotline.cti.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CallerLocatorTest {
  final CallerLocator zh = new CallerLocator("CN", "zh");
  final CallerLocator en = new CallerLocator("CN", "en");

  @Test
  void chineseMobile_inChinese_isBeijingChinaMobile() {
    CallerLocation l = zh.locate("+86 138 0013 8000");

    assertEquals(NumberStatus.KNOWN, l.status());
    assertEquals("+8613800138000", l.e164());
    assertEquals("北京市", l.region());
    assertEquals("中国移动", l.carrier());
    assertEquals("中国", l.country());
    assertEquals("CN", l.countryCode());
    assertEquals(LineKind.MOBILE, l.kind());
    assertEquals("北京市 中国移动", zh.describe(l));
  }

  @Test
  void chineseMobile_inEnglish_isBeijingChinaMobile() {
    CallerLocation l = en.locate("+86 138 0013 8000");

    assertEquals("Beijing", l.region());
    assertEquals("China Mobile", l.carrier());
    assertEquals("China", l.country());
    assertEquals("Beijing China Mobile", en.describe(l));
  }

  @Test
  void chineseMobile_withoutCountryCode_isReadInTheDefaultRegion() {
    assertEquals("+8613800138000", zh.locate("13800138000").e164());
    assertEquals("+8613800138000", zh.locate("138-0013-8000").e164());
  }

  @Test
  void number_withCountryCodeButNoPlus_fromATrunk_isStillFound() {
    assertEquals("+8613800138000", zh.locate("8613800138000").e164());
    assertEquals("+8613800138000", zh.locate("008613800138000").e164());
  }

  @Test
  void sipUri_isReadByItsUserPart() {
    CallerLocation l = zh.locate("sip:+8613800138000@10.0.0.1;user=phone");

    assertEquals("+8613800138000", l.e164());
    assertEquals("北京市", l.region());
  }

  @Test
  void shanghaiLandline_byAreaCode() {
    CallerLocation l = zh.locate("021 6212 3456");

    assertEquals(NumberStatus.KNOWN, l.status());
    assertEquals("+862162123456", l.e164());
    assertEquals("上海市", l.region());
    assertEquals("", l.carrier());
    assertEquals(LineKind.FIXED, l.kind());
    assertEquals("Shanghai", en.locate("021-62123456").region());
  }

  @Test
  void guangzhouLandline_byAreaCode() {
    assertEquals("广东省广州市", zh.locate("020 8888 6666").region());
  }

  @Test
  void foreignNumber_isNamedByItsCountry() {
    CallerLocation l = zh.locate("+1 650 253 0000");
    CallerLocation e = en.locate("+1 650 253 0000");

    assertEquals(NumberStatus.KNOWN, l.status());
    assertEquals("+16502530000", l.e164());
    assertEquals("US", l.countryCode());
    assertEquals("美国", l.country());
    assertEquals("United States", e.country());
    assertEquals("Mountain View, CA", e.region());
    assertEquals("Mountain View, CA, United States", en.describe(e));
  }

  @Test
  void foreignNumber_withInternationalPrefixOfTheDefaultRegion() {
    CallerLocation e = en.locate("0044 20 7031 3000");

    assertEquals("+442070313000", e.e164());
    assertEquals("GB", e.countryCode());
    assertEquals("London", e.region());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "  ",
        "anonymous",
        "Anonymous",
        "restricted",
        "unknown",
        "sip:anonymous@anonymous.invalid",
        "sip:@host"
      })
  void missingOrWithheldNumber_saysWithheld(String raw) {
    CallerLocation l = zh.locate(raw);

    assertEquals(NumberStatus.WITHHELD, l.status());
    assertNull(l.e164());
    assertEquals("号码未显示", zh.describe(l));
    assertEquals("Number withheld", en.describe(en.locate(raw)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc",
        "12",
        "2000",
        "+86 123",
        "++--",
        "1380013800012345",
        "☎️☎️",
        "+999 1234 5678"
      })
  void garbage_isInvalid_neverAnException(String raw) {
    CallerLocation l = zh.locate(raw);

    assertEquals(NumberStatus.INVALID, l.status());
    assertEquals("无效号码", zh.describe(l));
    assertEquals(Optional.empty(), zh.toE164(raw));
  }

  @Test
  void overLongInput_isInvalid() {
    assertEquals(NumberStatus.INVALID, zh.locate("1".repeat(10_000)).status());
  }

  @Test
  void toE164_normalisesWithTheDefaultRegion() {
    assertEquals(Optional.of("+8613800138000"), zh.toE164(" 138 0013 8000 "));
    assertEquals(Optional.of("+862162123456"), zh.toE164("(021) 6212-3456"));
    assertEquals(Optional.of("+16502530000"), new CallerLocator("US", "en").toE164("650 253 0000"));
    assertTrue(zh.toE164(null).isEmpty());
  }

  @Test
  void unknownRegionOrLanguage_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> new CallerLocator("XX", "zh"));
    assertThrows(IllegalArgumentException.class, () -> new CallerLocator("CN", "fr"));
  }
}
