package org.hotline.cti.location;

/**
 * Where a caller's number comes from, as far as the number alone tells.
 *
 * @param status whether the number is known, withheld or invalid
 * @param e164 the number in E.164 form ({@code +8613800138000}); null unless {@link
 *     NumberStatus#KNOWN}
 * @param region the city or province ({@code 北京市}, {@code Beijing}), or for foreign numbers
 *     whatever finer place the data has, else the country; empty when unknown
 * @param carrier the mobile carrier's name ({@code 中国移动}); empty for fixed lines and when unknown
 * @param country the country or region name ({@code 中国}, {@code United States}); empty when unknown
 * @param countryCode the ISO 3166 region code ({@code CN}, {@code US}); empty when unknown
 * @param kind mobile, fixed, ...
 */
public record CallerLocation(
    NumberStatus status,
    String e164,
    String region,
    String carrier,
    String country,
    String countryCode,
    LineKind kind) {

  static CallerLocation withheld() {
    return new CallerLocation(NumberStatus.WITHHELD, null, "", "", "", "", LineKind.UNKNOWN);
  }

  static CallerLocation invalid() {
    return new CallerLocation(NumberStatus.INVALID, null, "", "", "", "", LineKind.UNKNOWN);
  }

  /** Whether the number is valid and its location looked up. */
  public boolean known() {
    return status == NumberStatus.KNOWN;
  }
}
