package org.hotline.cti.protocol;

/** A CTI command that cannot be run: the error event's {@code code} and {@code message}. */
public final class CtiCommandException extends RuntimeException {
  private final String code;

  /**
   * @param code a stable, machine-readable reason ({@code unknown-command}, {@code bad-argument},
   *     {@code not-on-a-call}, ...)
   * @param message one line for a person
   */
  public CtiCommandException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** A {@code bad-argument} refusal: a field missing or malformed. */
  public static CtiCommandException badArgument(String message) {
    return new CtiCommandException("bad-argument", message);
  }

  /**
   * A value a client sent, cut to 40 characters, to quote it in a message without echoing a flood.
   */
  public static String shortened(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }

  public String code() {
    return code;
  }
}
