package org.hotline.core.dial;

import java.util.regex.Pattern;

/**
 * The forms of a number Hotline accepts, one rule per place a number comes from. Every check of
 * what a number looks like lives here, so that a desktop's dial, a flow's transfer and the dial
 * policy cannot drift apart; whether a well-formed number may really be dialled is the {@link
 * DialPolicy}'s call, made after this one.
 *
 * <p>The rules differ on purpose: an agent may key {@code *} and {@code #} (feature codes, an
 * extension behind a switchboard), a trunk is sent digits only, a flows file's transfer numbers are
 * full numbers, and the numbers callers dial to reach a flow may be extensions or SIP user names.
 */
public final class DialableNumber {
  /** What a desktop may dial: digits, an optional leading {@code +}, {@code *} and {@code #}. */
  private static final Pattern DESK = Pattern.compile("\\+?[0-9*#]{1,32}");

  /** What a trunk is sent: the only form the dial policy can judge without guessing. */
  private static final Pattern TRUNK = Pattern.compile("\\+?[0-9]{1,32}");

  /** A number a flow may transfer to: a whole number, never a short code. */
  private static final Pattern TRANSFER = Pattern.compile("\\+?[0-9]{2,20}");

  /** A number callers dial to reach a flow: a DID, an extension or a SIP user name. */
  private static final Pattern ENTRY = Pattern.compile("[A-Za-z0-9+*#._-]{1,64}");

  private DialableNumber() {}

  /**
   * Whether an agent may dial {@code number} from the desktop (once spaces, dashes and brackets are
   * taken out): 1 to 32 of digits, {@code *} and {@code #}, after an optional {@code +}.
   */
  public static boolean isDeskNumber(String number) {
    return matches(DESK, number);
  }

  /**
   * Whether {@code number} is what a trunk may be sent: 1 to 32 digits after an optional {@code +};
   * {@code *}, {@code #}, letters and SIP URIs are not, since a trunk might read them otherwise
   * than the dial policy did.
   */
  public static boolean isTrunkNumber(String number) {
    return matches(TRUNK, number);
  }

  /** Whether a flow may transfer to {@code number}: 2 to 20 digits after an optional {@code +}. */
  public static boolean isTransferNumber(String number) {
    return matches(TRANSFER, number);
  }

  /**
   * Whether callers may dial {@code number} to reach a flow: 1 to 64 of letters, digits and {@code
   * + * # . _ -}, so extensions ({@code 100}) and SIP user names ({@code sales.cn}) too.
   */
  public static boolean isEntryNumber(String number) {
    return matches(ENTRY, number);
  }

  private static boolean matches(Pattern form, String number) {
    return number != null && form.matcher(number).matches();
  }
}
