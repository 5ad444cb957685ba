package org.hotline.ivr.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers said in English and Mandarin. */
class NumberSpeakerTest {
  private static final Map<String, String> ZH =
      Map.ofEntries(
          Map.entry("num-0", "零"),
          Map.entry("num-1", "一"),
          Map.entry("num-2", "二"),
          Map.entry("num-3", "三"),
          Map.entry("num-4", "四"),
          Map.entry("num-5", "五"),
          Map.entry("num-6", "六"),
          Map.entry("num-7", "七"),
          Map.entry("num-8", "八"),
          Map.entry("num-9", "九"),
          Map.entry("num-10", "十"),
          Map.entry("num-hundred", "百"),
          Map.entry("num-thousand", "千"),
          Map.entry("num-2-measure", "两"));

  /** The words in {@code prompts}, as the zh column of texts.tsv says them. */
  private static String mandarin(List<String> prompts) {
    return prompts.stream().map(p -> ZH.getOrDefault(p, "?" + p)).collect(Collectors.joining());
  }

  /** The English prompt names without their {@code num-} prefix, space-separated. */
  private static String english(int n) {
    return NumberSpeaker.say(n, "en").stream()
        .map(p -> p.substring(4))
        .collect(Collectors.joining(" "));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "0, 0",
    "7, 7",
    "13, 13",
    "20, 20",
    "23, 20 3",
    "100, 1 hundred",
    "115, 1 hundred 15",
    "340, 3 hundred 40",
    "999, 9 hundred 90 9",
    "1000, 1 thousand",
    "2005, 2 thousand 5",
    "9999, 9 thousand 9 hundred 90 9",
  })
  void english_saysTensAndUnits_withoutAnd(int n, String words) {
    assertEquals(words, english(n));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "0, 零",
    "2, 二",
    "10, 十",
    "12, 十二",
    "20, 二十",
    "21, 二十一",
    "100, 一百",
    "102, 一百零二",
    "110, 一百一十",
    "115, 一百一十五",
    "1001, 一千零一",
    "1010, 一千零一十",
    "1100, 一千一百",
    "2000, 二千",
    "9999, 九千九百九十九",
  })
  void mandarin_saysZeroOncePerGap_andTenAloneAtTheStart(int n, String words) {
    assertEquals(words, mandarin(NumberSpeaker.say(n, "zh")));
  }

  @ParameterizedTest(name = "{0} of something is {1}")
  @CsvSource({
    "1, 一",
    "2, 两",
    "12, 十二",
    "22, 二十二",
    "200, 两百",
    "2000, 两千",
    "2222, 两千二百二十二",
  })
  void mandarin_counting_saysTwoAsLiang_beforeAMeasureWord(int n, String words) {
    assertEquals(words, mandarin(NumberSpeaker.count(n, "zh")));
  }

  @Test
  void english_countingIsSaying() {
    assertEquals(NumberSpeaker.say(2, "en"), NumberSpeaker.count(2, "en"));
  }

  @Test
  void digits_areSaidOneByOne() {
    assertEquals(List.of("num-0", "num-1", "num-0"), NumberSpeaker.digits("0-10"));
  }

  @Test
  void outsideTheRange_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> NumberSpeaker.say(-1, "en"));
    assertThrows(IllegalArgumentException.class, () -> NumberSpeaker.say(10_000, "zh"));
  }

  @Test
  void everyWordUsed_isAmongThePromptNames() {
    for (int n = 0; n <= NumberSpeaker.MAX; n++) {
      for (String language : List.of("en", "zh")) {
        assertTrue(
            NumberSpeaker.promptNames().containsAll(NumberSpeaker.count(n, language)),
            n + " " + language);
        assertTrue(
            NumberSpeaker.promptNames().containsAll(NumberSpeaker.say(n, language)),
            n + " " + language);
      }
    }
    assertTrue(
        Arrays.asList("num-19", "num-90").stream().allMatch(NumberSpeaker.promptNames()::contains));
  }
}
