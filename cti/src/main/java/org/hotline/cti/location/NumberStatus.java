package org.hotline.cti.location;

/** What could be told about a caller's number. */
public enum NumberStatus {
  /** A valid number; location fields are filled as far as the data goes. */
  KNOWN,
  /** No number: empty, or the caller withheld it ({@code anonymous}, {@code restricted}, ...). */
  WITHHELD,
  /** Something that is not a valid phone number. */
  INVALID
}
