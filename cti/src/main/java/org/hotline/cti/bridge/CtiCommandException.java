package org.hotline.cti.bridge;

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

  public String code() {
    return code;
  }
}
