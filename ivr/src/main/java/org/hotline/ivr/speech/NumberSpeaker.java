package org.hotline.ivr.speech;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Says a whole number from 0 to {@value #MAX} as a list of prompt names, in English or Mandarin.
 *
 * <p>Every language uses the same prompt names ({@code num-0} ... {@code num-19}, {@code num-20}
 * ... {@code num-90}, {@code num-hundred}, {@code num-thousand}, {@code num-2-measure}), each
 * recorded in every language, so any prompt set can be checked the same way; the speaker picks the
 * ones its language's grammar wants:
 *
 * <ul>
 *   <li>English: {@code 23} is "twenty" "three", {@code 115} is "one" "hundred" "fifteen" (no
 *       "and", as in US usage), {@code 2005} is "two" "thousand" "five".
 *   <li>Mandarin: {@code 10} is 十 (not 一十), {@code 12} is 十二, {@code 20} is 二十, {@code 102} is 一百零二
 *       (one 零 for any run of zeros inside the number, none at its end), {@code 110} is 一百一十.
 *       Counting something ({@link #count}) says 2 as 两 alone and as the leading digit of 百 and 千
 *       (两分钟, 两百), but 二 elsewhere (十二分钟).
 * </ul>
 */
public final class NumberSpeaker {

  /** The largest number spoken. */
  public static final int MAX = 9999;

  /** 两: two as a quantity before a measure word, in Mandarin ("two" in English). */
  public static final String TWO_COUNTED = "num-2-measure";

  /** The hundreds unit (hundred, 百). */
  public static final String HUNDRED = "num-hundred";

  /** The thousands unit (thousand, 千). */
  public static final String THOUSAND = "num-thousand";

  private NumberSpeaker() {}

  /** The prompt for one word: {@code num-7}, {@code num-40}. */
  public static String word(int n) {
    return "num-" + n;
  }

  /** Every prompt a number may be said with, in any language. */
  public static Set<String> promptNames() {
    Set<String> names = new LinkedHashSet<>();
    for (int n = 0; n < 20; n++) {
      names.add(word(n));
    }
    for (int tens = 20; tens < 100; tens += 10) {
      names.add(word(tens));
    }
    names.add(HUNDRED);
    names.add(THOUSAND);
    names.add(TWO_COUNTED);
    return names;
  }

  /**
   * {@code n} read as a number: a position in a queue, an amount.
   *
   * @throws IllegalArgumentException when {@code n} is outside 0 to {@value #MAX}
   */
  public static List<String> say(int n, String language) {
    return speak(n, language, false);
  }

  /**
   * {@code n} counting something before a measure word (两分钟 rather than 二分钟); in English the same
   * as {@link #say}.
   *
   * @throws IllegalArgumentException when {@code n} is outside 0 to {@value #MAX}
   */
  public static List<String> count(int n, String language) {
    return speak(n, language, true);
  }

  /**
   * Each digit of {@code digits} on its own ("one" "zero" "zero" "one"), other characters skipped.
   */
  public static List<String> digits(String digits) {
    List<String> words = new ArrayList<>();
    digits.chars().filter(Character::isDigit).forEach(c -> words.add(word(c - '0')));
    return words;
  }

  private static List<String> speak(int n, String language, boolean counting) {
    if (n < 0 || n > MAX) {
      throw new IllegalArgumentException("can say 0 to " + MAX + ", not " + n);
    }
    return language.equals("zh") ? mandarin(n, counting) : english(n);
  }

  private static List<String> english(int n) {
    List<String> words = new ArrayList<>();
    if (n == 0) {
      words.add(word(0));
      return words;
    }
    if (n >= 1000) {
      words.addAll(english(n / 1000));
      words.add(THOUSAND);
    }
    int hundreds = n / 100 % 10;
    if (hundreds > 0) {
      words.add(word(hundreds));
      words.add(HUNDRED);
    }
    int rest = n % 100;
    if (rest >= 20) {
      words.add(word(rest / 10 * 10));
      if (rest % 10 > 0) {
        words.add(word(rest % 10));
      }
    } else if (rest > 0) {
      words.add(word(rest));
    }
    return words;
  }

  private static List<String> mandarin(int n, boolean counting) {
    List<String> words = new ArrayList<>();
    if (n == 0) {
      words.add(word(0));
      return words;
    }
    if (counting && n == 2) {
      words.add(TWO_COUNTED);
      return words;
    }
    boolean started = false;
    boolean zeroPending = false;
    for (int unit = 1000; unit >= 1; unit /= 10) {
      int digit = n / unit % 10;
      if (digit == 0) {
        zeroPending = started; // 零 only between digits, said once for a run of zeros
        continue;
      }
      if (zeroPending) {
        words.add(word(0));
        zeroPending = false;
      }
      if (unit == 10 && digit == 1 && !started) {
        words.add(word(10)); // 十二, not 一十二
      } else {
        boolean liang = counting && digit == 2 && !started && unit >= 100;
        words.add(liang ? TWO_COUNTED : word(digit));
        if (unit > 1) {
          words.add(unit == 1000 ? THOUSAND : unit == 100 ? HUNDRED : word(10));
        }
      }
      started = true;
    }
    return words;
  }
}
