package org.hotline.core.customer;

/** A phone number belongs to another customer already: each number finds one customer. */
public final class DuplicatePhoneException extends InvalidCustomerException {
  private static final long serialVersionUID = 1L;

  private final String e164;
  private final long ownerId;

  /**
   * @param e164 the number
   * @param ownerId the customer who has it
   */
  public DuplicatePhoneException(String e164, long ownerId) {
    super("phones", "number " + e164 + " belongs to customer " + ownerId + " already");
    this.e164 = e164;
    this.ownerId = ownerId;
  }

  /** The number in E.164 form. */
  public String e164() {
    return e164;
  }

  /** The customer the number belongs to. */
  public long ownerId() {
    return ownerId;
  }
}
