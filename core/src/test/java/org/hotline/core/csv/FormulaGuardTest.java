package org.hotline.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaGuardTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "=1+1",
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|x",
        "@SUM(A1)",
        "\t=1+1",
        "\r=1+1",
        "=HYPERLINK(\"x\")"
      })
  void text_startingAsAFormula_getsALeadingQuote(String text) {
    assertEquals("'" + text, FormulaGuard.neutralise(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"hello", "13800138000", "a=b", "x-1", "'=1+1", "北京市", " =1+1", "#1", ""})
  void text_notStartingAsAFormula_isTheSameString(String text) {
    assertSame(text, FormulaGuard.neutralise(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+8613800138000",
        "+86 138 0013 8000",
        "+1 (650) 253-0000",
        "-3",
        "-12 34",
        "+8613800138000;+862162123456"
      })
  void phoneNumbersAndNegativeNumbers_stayAsTheyAre(String text) {
    assertSame(text, FormulaGuard.neutralise(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"+8613800138000;=1+1", "+86;", "-3.5e2", "+1 x", "+", "-", "+(1)"})
  void almostANumber_isGuarded(String text) {
    assertEquals("'" + text, FormulaGuard.neutralise(text));
  }
}
