package org.hotline.core.dial;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hotline.config.DialRule;
import org.hotline.config.DialSettings;

/**
 * The dial policy: whether Hotline may dial a number through the trunk, by the rules of {@code
 * hotline.dial.allow}, and if not, why. It keeps a stolen agent password, a caller's forged number
 * or a slip in the flows file from becoming calls to premium-rate or far-away numbers (toll fraud).
 *
 * <p>A number is what the trunk is sent: digits with an optional leading {@code +}. One written
 * without {@code +} is read as a number of the default region, the way a trunk there reads it
 * ({@code 0012025550123} from CN is {@code +12025550123}). Anything else ({@code *}, {@code #},
 * letters, a SIP URI) is refused before any rule, since the trunk might read it otherwise than the
 * rules did. Then a refusing rule ({@code !premium}) that matches refuses it, else the first rule
 * that matches allows it, else it is refused. Region and type come from libphonenumber's metadata;
 * a number it does not know as valid matches only number and prefix rules, and {@code
 * !international} when its country code is another region's.
 */
public final class DialPolicy {
  private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();

  private final List<DialRule> rules;
  private final String written;
  private final String region;
  private final int countryCode;

  /**
   * @param settings the rules ({@code hotline.dial.allow})
   * @param defaultRegion the region of numbers written without {@code +} and of {@code national}
   *     numbers ({@code hotline.location.default-region})
   */
  public DialPolicy(DialSettings settings, String defaultRegion) {
    this.rules = Objects.requireNonNull(settings, "settings").allow();
    this.written = settings.written();
    this.region = Objects.requireNonNull(defaultRegion, "defaultRegion");
    // 0 for the few ISO regions without numbers of their own (AQ, BV ...): then no number is
    // national, and numbers are judged only when written with +.
    this.countryCode = NUMBERS.getCountryCodeForRegion(defaultRegion);
    for (DialRule rule : rules) {
      if (rule.match() == DialRule.Match.TYPE) {
        types(rule.argument()); // every configured type word is known here too
      }
    }
  }

  /** Whether {@code number} may be dialled; if not, the reason, one line naming the number. */
  public DialDecision check(String number) {
    if (!DialableNumber.isTrunkNumber(number)) {
      return new DialDecision.Refused(
          "'"
              + shortened(String.valueOf(number))
              + "' is not a phone number: digits, with + before a country code");
    }
    PhoneNumber parsed;
    try {
      parsed = NUMBERS.parse(number, region);
    } catch (NumberParseException e) {
      return new DialDecision.Refused(number + " is not a phone number");
    }
    Facts facts = new Facts(parsed);
    String shown = number.equals(facts.e164) ? number : number + " (" + facts.e164 + ")";
    for (DialRule rule : rules) {
      if (rule.refuses() && matches(rule, facts)) {
        return new DialDecision.Refused(
            shown
                + " is "
                + facts.describe()
                + ", which hotline.dial.allow refuses ("
                + rule
                + ")");
      }
    }
    for (DialRule rule : rules) {
      if (!rule.refuses() && matches(rule, facts)) {
        return new DialDecision.Allowed(facts.e164);
      }
    }
    return new DialDecision.Refused(
        shown
            + " is "
            + facts.describe()
            + ", which hotline.dial.allow does not allow ("
            + (written.isEmpty() ? "empty: no number is dialled" : written)
            + ")");
  }

  /** The rules as configured ({@code national,!premium}). */
  public String rules() {
    return written;
  }

  private boolean matches(DialRule rule, Facts n) {
    return switch (rule.match()) {
      case NATIONAL -> n.valid && region.equals(n.region);
      // When in doubt, refuse: !international refuses a number with another country code even
      // when it is not valid (a prefix rule might let it through), while international allows
      // valid numbers only, as every word rule does.
      case INTERNATIONAL ->
          (n.valid && !region.equals(n.region)) || (rule.refuses() && n.countryCode != countryCode);
      case TYPE -> n.valid && types(rule.argument()).contains(n.type);
      case NUMBER -> n.e164.equals(rule.argument());
      case PREFIX -> n.e164.startsWith(rule.argument());
    };
  }

  /** libphonenumber's types a rule's word stands for; a number that may be either is both. */
  private static Set<PhoneNumberType> types(String word) {
    return switch (word) {
      case "fixed-line" -> Set.of(PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE);
      case "mobile" -> Set.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE);
      case "toll-free" -> Set.of(PhoneNumberType.TOLL_FREE);
      case "premium" -> Set.of(PhoneNumberType.PREMIUM_RATE);
      case "shared-cost" -> Set.of(PhoneNumberType.SHARED_COST);
      case "voip" -> Set.of(PhoneNumberType.VOIP);
      case "personal" -> Set.of(PhoneNumberType.PERSONAL_NUMBER);
      case "pager" -> Set.of(PhoneNumberType.PAGER);
      case "uan" -> Set.of(PhoneNumberType.UAN);
      case "voicemail" -> Set.of(PhoneNumberType.VOICEMAIL);
      default -> throw new IllegalArgumentException("not a number type: " + word);
    };
  }

  private static String shortened(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }

  /** What the rules look at in one number. */
  private final class Facts {
    final String e164;
    final int countryCode;
    final boolean valid;
    final String region;
    final PhoneNumberType type;

    Facts(PhoneNumber number) {
      this.e164 = NUMBERS.format(number, PhoneNumberFormat.E164);
      this.countryCode = number.getCountryCode();
      this.valid = NUMBERS.isValidNumber(number);
      this.region = valid ? NUMBERS.getRegionCodeForNumber(number) : null;
      this.type = valid ? NUMBERS.getNumberType(number) : PhoneNumberType.UNKNOWN;
    }

    /** {@code an international mobile number (GB)}, {@code not a valid number of CN}. */
    String describe() {
      if (!valid) {
        return countryCode == DialPolicy.this.countryCode
            ? "not a valid number of " + DialPolicy.this.region
            : "not a valid number (country code +" + countryCode + ")";
      }
      boolean national = DialPolicy.this.region.equals(region);
      String kind =
          switch (type) {
            case FIXED_LINE -> "fixed-line";
            case MOBILE -> "mobile";
            case FIXED_LINE_OR_MOBILE -> "fixed-line or mobile";
            case TOLL_FREE -> "toll-free";
            case PREMIUM_RATE -> "premium-rate";
            case SHARED_COST -> "shared-cost";
            case VOIP -> "VoIP";
            case PERSONAL_NUMBER -> "personal";
            case PAGER -> "pager";
            case UAN -> "UAN";
            case VOICEMAIL -> "voicemail";
            case UNKNOWN -> "";
          };
      String where =
          PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region)
              ? "non-geographic, +" + countryCode
              : region;
      return (national ? "a national " : "an international ")
          + (kind.isEmpty() ? "" : kind + " ")
          + "number"
          + (national ? "" : " (" + where + ")");
    }
  }
}
