package org.hotline.ivr.speech;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Says a wait as a caller wants to hear it: "about 3 minutes" (大约三分钟), rounded to the nearest
 * minute, or "less than a minute" (不到一分钟) under 60 seconds.
 */
public final class WaitSpeaker {

  /** "about" (大约). */
  public static final String ABOUT = "about";

  /** "minute" (分钟). */
  public static final String MINUTE = "minute";

  /** "minutes" (分钟). */
  public static final String MINUTES = "minutes";

  /** "less than a minute" (不到一分钟). */
  public static final String LESS_THAN_A_MINUTE = "less-than-a-minute";

  private WaitSpeaker() {}

  /** {@code wait} in {@code language}; negative waits are said as less than a minute. */
  public static List<String> say(Duration wait, String language) {
    long seconds = wait.toSeconds();
    List<String> words = new ArrayList<>();
    if (seconds < 60) {
      words.add(LESS_THAN_A_MINUTE);
      return words;
    }
    int minutes = (int) Math.min(NumberSpeaker.MAX, (seconds + 30) / 60);
    words.add(ABOUT);
    words.addAll(NumberSpeaker.count(minutes, language));
    words.add(minutes == 1 ? MINUTE : MINUTES);
    return words;
  }

  /** Every prompt a wait may be said with, numbers included. */
  public static Set<String> promptNames() {
    Set<String> names =
        new java.util.LinkedHashSet<>(List.of(ABOUT, MINUTE, MINUTES, LESS_THAN_A_MINUTE));
    names.addAll(NumberSpeaker.promptNames());
    return names;
  }
}
