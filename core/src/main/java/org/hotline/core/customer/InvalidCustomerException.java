package org.hotline.core.customer;

/** A customer's data are not acceptable: a missing name, an unknown level, a bad number. */
public class InvalidCustomerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * @param field the field at fault ({@code name}, {@code level}, {@code phones})
   * @param message what is wrong and what is expected
   */
  public InvalidCustomerException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The field at fault. */
  public String field() {
    return field;
  }
}
