package org.hotline.core.ticket;

/**
 * A ticket's data are not acceptable: a missing title, an unknown status, text too long, no such
 * customer.
 */
public class InvalidTicketException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * @param field the field at fault ({@code title}, {@code status}, {@code customerId}, ...)
   * @param message what is wrong and what is expected
   */
  public InvalidTicketException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The field at fault. */
  public String field() {
    return field;
  }
}
