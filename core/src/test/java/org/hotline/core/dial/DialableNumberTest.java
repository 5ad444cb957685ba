package org.hotline.core.dial;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DialableNumberTest {

  @ParameterizedTest
  @ValueSource(strings = {"1", "13800138000", "+8613800138000", "*72", "#31#", "+86*1#", "12345678901234567890123456789012"})
  void deskNumber_digitsStarHashAndLeadingPlus_areAccepted(String number) {
    assertTrue(DialableNumber.isDeskNumber(number));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "+", "++86", "86+1", "138 0013 8000", "138-0013", "sip:100@example.com", "1a", "123456789012345678901234567890123"})
  void deskNumber_anythingElse_isRefused(String number) {
    assertFalse(DialableNumber.isDeskNumber(number));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "13800138000", "+8613800138000", "12345678901234567890123456789012"})
  void trunkNumber_digitsAndLeadingPlus_areAccepted(String number) {
    assertTrue(DialableNumber.isTrunkNumber(number));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "+", "*72", "#31#", "1#", "86+1", "sip:100@example.com", "123456789012345678901234567890123"})
  void trunkNumber_starHashOrAnythingElse_isRefused(String number) {
    assertFalse(DialableNumber.isTrunkNumber(number));
  }

  @ParameterizedTest
  @ValueSource(strings = {"12", "+862161234567", "02161234567", "12345678901234567890", "+12345678901234567890"})
  void transferNumber_twoToTwentyDigitsAndLeadingPlus_areAccepted(String number) {
    assertTrue(DialableNumber.isTransferNumber(number));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1", "+1", "123456789012345678901", "*72", "1#", "+86 21 6123 4567", "abc"})
  void transferNumber_shortCodesTooLongOrNotDigits_areRefused(String number) {
    assertFalse(DialableNumber.isTransferNumber(number));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "100", "+862161234567", "sales.cn", "support_en", "help-desk", "*100#"})
  void entryNumber_extensionsDidsAndSipUserNames_areAccepted(String number) {
    assertTrue(DialableNumber.isEntryNumber(number));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "sip:100@example.com", "100 200", "100;user=phone", "a/b"})
  void entryNumber_uriPartsAndSpaces_areRefused(String number) {
    assertFalse(DialableNumber.isEntryNumber(number));
  }

  @Test
  void entryNumber_atMost64Characters() {
    assertTrue(DialableNumber.isEntryNumber("1".repeat(64)));
    assertFalse(DialableNumber.isEntryNumber("1".repeat(65)));
  }

  @Test
  void noRule_acceptsNull() {
    assertFalse(DialableNumber.isDeskNumber(null));
    assertFalse(DialableNumber.isTrunkNumber(null));
    assertFalse(DialableNumber.isTransferNumber(null));
    assertFalse(DialableNumber.isEntryNumber(null));
  }
}
