package org.hotline.config;

import java.util.List;
import java.util.Objects;

/**
 * One rule of {@code hotline.dial.allow}: which numbers it matches, and whether it allows them or,
 * written with a leading {@code !}, refuses them whatever else allows them.
 *
 * <p>What a rule matches:
 *
 * <ul>
 *   <li>{@code national}: a valid number of {@code hotline.location.default-region};
 *   <li>{@code international}: a valid number of any other region; refusing, any number with
 *       another country code;
 *   <li>a number type of {@link #TYPES} ({@code mobile}, {@code premium}, ...): a valid number of
 *       that type, in any region;
 *   <li>an E.164 number ({@code +862161234567}), or a prefix of one ending in {@code *} ({@code
 *       +8610*}, {@code +*} for every number), compared with the number's E.164 form.
 * </ul>
 *
 * @param refuses whether the rule was written with {@code !}
 * @param match what kind of rule it is
 * @param argument the type for {@link Match#TYPE}, the {@code +} and digits for {@link
 *     Match#NUMBER} and {@link Match#PREFIX} (without the {@code *}); empty otherwise
 */
public record DialRule(boolean refuses, Match match, String argument) {

  /** The kinds of rule. */
  public enum Match {
    NATIONAL,
    INTERNATIONAL,
    TYPE,
    NUMBER,
    PREFIX
  }

  /** The number types a rule may name: libphonenumber's types, as words. */
  public static final List<String> TYPES =
      List.of(
          "fixed-line",
          "mobile",
          "toll-free",
          "premium",
          "shared-cost",
          "voip",
          "personal",
          "pager",
          "uan",
          "voicemail");

  /** What a rule may be, for the one line that refuses a bad one. */
  public static final String SYNTAX =
      "comma-separated rules, each national, international, a number type ("
          + String.join(", ", TYPES)
          + "), an E.164 number (+862161234567) or prefix (+8610*); ! before a rule refuses what it matches";

  public DialRule {
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(argument, "argument");
  }

  /**
   * Reads one rule as written ({@code !premium}, {@code +8610*}).
   *
   * @throws IllegalArgumentException when it is none
   */
  public static DialRule parse(String text) {
    String rule = text.strip();
    boolean refuses = rule.startsWith("!");
    String body = refuses ? rule.substring(1).strip() : rule;
    if (body.equals("national")) {
      return new DialRule(refuses, Match.NATIONAL, "");
    }
    if (body.equals("international")) {
      return new DialRule(refuses, Match.INTERNATIONAL, "");
    }
    if (TYPES.contains(body)) {
      return new DialRule(refuses, Match.TYPE, body);
    }
    // E.164: a country code and at most 15 digits in all.
    if (body.matches("\\+[1-9][0-9]{0,14}\\*")) {
      return new DialRule(refuses, Match.PREFIX, body.substring(0, body.length() - 1));
    }
    if (body.equals("+*")) {
      return new DialRule(refuses, Match.PREFIX, "+");
    }
    if (body.matches("\\+[1-9][0-9]{1,14}")) {
      return new DialRule(refuses, Match.NUMBER, body);
    }
    throw new IllegalArgumentException("not a dial rule: '" + rule + "'");
  }

  /** The rule as written in the configuration. */
  @Override
  public String toString() {
    String body =
        switch (match) {
          case NATIONAL -> "national";
          case INTERNATIONAL -> "international";
          case TYPE, NUMBER -> argument;
          case PREFIX -> argument + "*";
        };
    return (refuses ? "!" : "") + body;
  }
}
