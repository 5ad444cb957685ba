package org.hotline.core.customer;

import java.util.Optional;

/**
 * A stand-in for the libphonenumber normaliser (which lives in {@code cti}): Chinese mobiles
 * ({@code 1} and ten digits) and landlines ({@code 0} and nine to eleven digits) get {@code +86},
 * {@code +} and eight to fifteen digits stay, anything else is not a number.
 */
final class FakeNumbers implements PhoneNormalizer {
  @Override
  public Optional<String> toE164(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = raw.replaceAll("[ ()-]", "");
    if (s.matches("\\+[1-9][0-9]{7,14}")) {
      return Optional.of(s);
    }
    if (s.matches("1[3-9][0-9]{9}")) {
      return Optional.of("+86" + s);
    }
    if (s.matches("0[1-9][0-9]{8,10}")) {
      return Optional.of("+86" + s.substring(1));
    }
    return Optional.empty();
  }
}
