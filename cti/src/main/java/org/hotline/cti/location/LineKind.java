package org.hotline.cti.location;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;

/** The kind of line a number belongs to, as its numbering plan tells. */
public enum LineKind {
  MOBILE,
  FIXED,
  /** The plan does not tell mobile from fixed (as in the US and Canada). */
  FIXED_OR_MOBILE,
  TOLL_FREE,
  PREMIUM_RATE,
  VOIP,
  OTHER,
  UNKNOWN;

  static LineKind of(PhoneNumberType type) {
    return switch (type) {
      case MOBILE -> MOBILE;
      case FIXED_LINE -> FIXED;
      case FIXED_LINE_OR_MOBILE -> FIXED_OR_MOBILE;
      case TOLL_FREE -> TOLL_FREE;
      case PREMIUM_RATE -> PREMIUM_RATE;
      case VOIP -> VOIP;
      case UNKNOWN -> UNKNOWN;
      default -> OTHER;
    };
  }
}
