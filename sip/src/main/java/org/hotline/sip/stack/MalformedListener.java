package org.hotline.sip.stack;

/**
 * Told about bad SIP input the stack dealt with itself, before any handler saw it: malformed
 * messages (answered 400/505 or dropped) and well-formed requests it refused (416, 420, 415, 406,
 * 400). Called on the SIP stack's threads: must return at once and never throw.
 *
 * @see SipServer#setMalformedListener(MalformedListener)
 */
public interface MalformedListener {
  /** Ignores everything. */
  MalformedListener NONE = message -> {};

  /** A malformed message arrived (it has been answered or dropped already). */
  void malformed(MalformedMessage message);

  /** A well-formed request was answered {@code status} by the stack, not by a handler. */
  default void rejected(int status) {}
}
