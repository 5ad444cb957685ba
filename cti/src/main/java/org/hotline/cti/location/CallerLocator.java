package org.hotline.cti.location;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToCarrierMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hotline.core.customer.PhoneNormalizer;

/**
 * Tells where a caller is from by their number alone: E.164 form, city or province, mobile carrier,
 * country and line kind, with libphonenumber's offline data, in Chinese or English.
 *
 * <p>Numbers without a country code are read as numbers of the default region ({@code 021 6xxxxxxx}
 * in {@code CN} is Shanghai). A missing or withheld number and anything that is not a valid number
 * are answered as such, never with an exception. Thread-safe; the data are loaded lazily by
 * libphonenumber and shared.
 */
public final class CallerLocator implements PhoneNormalizer {
  /** The longest input looked at; longer is garbage (libphonenumber itself stops at 250). */
  static final int MAX_INPUT = 128;

  /**
   * What SIP user agents and trunks put in place of a withheld number (RFC 3323, RFC 3325
   * practice).
   */
  private static final Set<String> WITHHELD =
      Set.of(
          "anonymous",
          "unknown",
          "restricted",
          "private",
          "withheld",
          "unavailable",
          "anonymous.invalid");

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final PhoneNumberOfflineGeocoder geocoder = PhoneNumberOfflineGeocoder.getInstance();
  private final PhoneNumberToCarrierMapper carriers = PhoneNumberToCarrierMapper.getInstance();
  private final String defaultRegion;
  private final Locale locale;

  /**
   * @param defaultRegion ISO 3166 code of the region numbers without a country code belong to
   *     ({@code CN})
   * @param language {@code zh} or {@code en}: the language of place and carrier names
   * @throws IllegalArgumentException for an unknown region or language
   */
  public CallerLocator(String defaultRegion, String language) {
    this.defaultRegion =
        Objects.requireNonNull(defaultRegion, "defaultRegion").toUpperCase(Locale.ROOT);
    if (!util.getSupportedRegions().contains(this.defaultRegion)) {
      throw new IllegalArgumentException("unknown region: " + defaultRegion);
    }
    this.locale =
        switch (Objects.requireNonNull(language, "language")) {
          case "zh" -> Locale.SIMPLIFIED_CHINESE;
          case "en" -> Locale.ENGLISH;
          default -> throw new IllegalArgumentException("language is zh or en, got " + language);
        };
  }

  /**
   * The location of {@code rawNumber}: a phone number as written, a SIP user part or URI, or null.
   */
  public CallerLocation locate(String rawNumber) {
    String number = userPart(rawNumber);
    if (number.isEmpty() || WITHHELD.contains(number.toLowerCase(Locale.ROOT))) {
      return CallerLocation.withheld();
    }
    Optional<PhoneNumber> parsed = parse(number);
    if (parsed.isEmpty()) {
      return CallerLocation.invalid();
    }
    PhoneNumber n = parsed.get();
    String regionCode = Objects.requireNonNullElse(util.getRegionCodeForNumber(n), "");
    String country =
        regionCode.isEmpty() || regionCode.equals("001")
            ? ""
            : Locale.of("", regionCode).getDisplayCountry(locale);
    String region = geocoder.getDescriptionForNumber(n, locale);
    return new CallerLocation(
        NumberStatus.KNOWN,
        util.format(n, PhoneNumberFormat.E164),
        region.isEmpty() ? country : region,
        carriers.getNameForNumber(n, locale),
        country,
        regionCode.equals("001") ? "" : regionCode,
        LineKind.of(util.getNumberType(n)));
  }

  /**
   * One line for people, in the configured language: {@code 北京市 中国移动}, {@code Mountain View, CA,
   * United States}, {@code 号码未显示} / {@code Number withheld}, {@code 无效号码} / {@code Invalid number}.
   */
  public String describe(CallerLocation location) {
    boolean zh = locale.getLanguage().equals("zh");
    return switch (location.status()) {
      case WITHHELD -> zh ? "号码未显示" : "Number withheld";
      case INVALID -> zh ? "无效号码" : "Invalid number";
      case KNOWN -> {
        StringBuilder b = new StringBuilder(location.region());
        if (!location.country().isEmpty()
            && !location.countryCode().equals(defaultRegion)
            && !location.region().equals(location.country())) {
          b.append(zh ? " " : ", ").append(location.country());
        }
        if (!location.carrier().isEmpty()) {
          b.append(' ').append(location.carrier());
        }
        String text = b.toString().strip();
        yield text.isEmpty() ? (zh ? "未知地区" : "Unknown location") : text;
      }
    };
  }

  /** {@code raw} in E.164 form with the default region, or empty when it is not a valid number. */
  @Override
  public Optional<String> toE164(String raw) {
    String number = userPart(raw);
    return number.isEmpty()
        ? Optional.empty()
        : parse(number).map(n -> util.format(n, PhoneNumberFormat.E164));
  }

  /**
   * A valid number of the default region (libphonenumber's example), e.g. to warm the lookups up
   * with.
   */
  public String exampleNumber() {
    PhoneNumber example = util.getExampleNumber(defaultRegion);
    return example == null ? "" : util.format(example, PhoneNumberFormat.E164);
  }

  /** The region numbers without a country code are read in. */
  public String defaultRegion() {
    return defaultRegion;
  }

  /**
   * A valid number from {@code number}, read in the default region; failing that, digits only are
   * tried once with a leading {@code +}, as trunks often send {@code 8613800138000}.
   */
  private Optional<PhoneNumber> parse(String number) {
    Optional<PhoneNumber> n = validNumber(number);
    if (n.isEmpty() && number.chars().allMatch(c -> c >= '0' && c <= '9') && number.length() > 7) {
      n = validNumber("+" + number);
    }
    return n;
  }

  private Optional<PhoneNumber> validNumber(String number) {
    try {
      PhoneNumber n = util.parse(number, defaultRegion);
      return util.isValidNumber(n) ? Optional.of(n) : Optional.empty();
    } catch (NumberParseException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The number out of what a caller id may look like: {@code sip:+8613800138000@host;user=phone},
   * {@code tel:+86-138...}, or just the number; trimmed, empty for null or over-long input.
   */
  static String userPart(String raw) {
    if (raw == null) {
      return "";
    }
    String s = raw.strip();
    if (s.length() > MAX_INPUT) {
      return s.substring(0, MAX_INPUT + 1); // still over-long: parse refuses it as invalid
    }
    String lower = s.toLowerCase(Locale.ROOT);
    for (String scheme : new String[] {"sips:", "sip:", "tel:"}) {
      if (lower.startsWith(scheme)) {
        s = s.substring(scheme.length());
        int end = indexOfAny(s, "@;?");
        s = end < 0 ? s : s.substring(0, end);
        break;
      }
    }
    return s.strip();
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
