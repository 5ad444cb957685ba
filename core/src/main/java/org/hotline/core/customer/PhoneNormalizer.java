package org.hotline.core.customer;

import java.util.Optional;

/**
 * Turns a phone number as people write it ({@code 138 0013 8000}, {@code 021-6xxxxxxx}, {@code +1
 * 650 253 0000}) into its E.164 form ({@code +8613800138000}), the one form the customer directory
 * stores and looks numbers up by.
 *
 * <p>A contract here so the directory does not depend on a numbering library; {@code
 * org.hotline.cti.location.CallerLocator} implements it with libphonenumber.
 */
@FunctionalInterface
public interface PhoneNormalizer {
  /** {@code raw} in E.164 form, or empty when it is not a valid phone number. */
  Optional<String> toE164(String raw);
}
