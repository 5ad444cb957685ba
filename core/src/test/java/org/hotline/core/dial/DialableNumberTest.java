package org.hotline.core.dial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DialableNumberTest {
  private static final Map<String, Predicate<String>> RULES =
      Map.of(
          "desk", DialableNumber::isDeskNumber,
          "trunk", DialableNumber::isTrunkNumber,
          "transfer", DialableNumber::isTransferNumber,
          "entry", DialableNumber::isEntryNumber);

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource(
      delimiter = '|',
      emptyValue = "",
      textBlock =
          """
      # rule    | number                            | accepted
      # The desktop: digits, * and #, one leading +, 1 to 32 of them.
      desk      | 1                                 | true
      desk      | +8613800138000                    | true
      desk      | *72                               | true
      desk      | #31#                              | true
      desk      | +86*1#                            | true
      desk      | 12345678901234567890123456789012  | true
      desk      | 123456789012345678901234567890123 | false
      desk      | ''                                | false
      desk      | +                                 | false
      desk      | ++86                              | false
      desk      | 86+1                              | false
      desk      | 138 0013 8000                     | false
      desk      | sip:100@example.com               | false
      # The trunk: digits and one leading + only, 1 to 32.
      trunk     | 1                                 | true
      trunk     | +8613800138000                    | true
      trunk     | 12345678901234567890123456789012  | true
      trunk     | 123456789012345678901234567890123 | false
      trunk     | *72                               | false
      trunk     | 1#                                | false
      trunk     | ''                                | false
      trunk     | +                                 | false
      # A flow's transfer: a whole number, 2 to 20 digits, one leading +.
      transfer  | 12                                | true
      transfer  | +862161234567                     | true
      transfer  | 12345678901234567890              | true
      transfer  | +12345678901234567890             | true
      transfer  | 1                                 | false
      transfer  | +1                                | false
      transfer  | 123456789012345678901             | false
      transfer  | *72                               | false
      transfer  | +86 21 6123 4567                  | false
      # What callers dial to reach a flow: extensions and SIP user names, 1 to 64.
      entry     | 100                               | true
      entry     | +862161234567                     | true
      entry     | sales.cn                          | true
      entry     | support_en                        | true
      entry     | help-desk                         | true
      entry     | *100#                             | true
      entry     | ''                                | false
      entry     | sip:100@example.com               | false
      entry     | 100 200                           | false
      entry     | 100;user=phone                    | false
      """)
  void eachRule_acceptsItsFormsOnly(String rule, String number, boolean accepted) {
    assertEquals(accepted, RULES.get(rule).test(number));
  }

  @Test
  void entryNumber_atMost64Characters() {
    assertTrue(DialableNumber.isEntryNumber("1".repeat(64)));
    assertFalse(DialableNumber.isEntryNumber("1".repeat(65)));
  }

  @Test
  void noRule_acceptsNull() {
    RULES.values().forEach(rule -> assertFalse(rule.test(null)));
  }
}
