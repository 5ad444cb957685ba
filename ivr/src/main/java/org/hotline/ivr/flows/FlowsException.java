package org.hotline.ivr.flows;

/**
 * A flows file that cannot be run, with one line that says where and why: {@code flow main, verb 3
 * (menu): key 7 goes to flow billing, which does not exist}. Nothing of such a file is used.
 */
public final class FlowsException extends Exception {
  private static final long serialVersionUID = 1L;

  public FlowsException(String message) {
    super(message);
  }

  /** {@code where}: {@code what}, as one line. */
  static FlowsException at(String where, String what) {
    return new FlowsException(where.isEmpty() ? what : where + ": " + what);
  }
}
