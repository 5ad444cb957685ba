package org.hotline.admin.http;

/** Thrown by a route when the request is wrong; answered with 400 and a one-line JSON error. */
public final class BadRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  /**
   * @param parameter the query parameter or field at fault, named in the answer; null when none
   * @param message what is wrong and what is expected
   */
  public BadRequestException(String parameter, String message) {
    super(parameter == null ? message : "bad parameter " + parameter + ": " + message);
    this.parameter = parameter;
  }

  /** {@code value} as an error line quotes it: at most 64 characters, then {@code ...}. */
  public static String shown(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "...";
  }

  /** The parameter at fault, or null. */
  public String parameter() {
    return parameter;
  }
}
