package org.hotline.core.dial;

import java.util.Objects;

/** Whether a number may be dialled: {@link Allowed}, or {@link Refused} with the reason. */
public sealed interface DialDecision {

  /** Whether the number may be dialled. */
  default boolean allowed() {
    return this instanceof Allowed;
  }

  /**
   * The number may be dialled.
   *
   * @param e164 the number in E.164 form, as the rules saw it
   */
  record Allowed(String e164) implements DialDecision {
    public Allowed {
      Objects.requireNonNull(e164, "e164");
    }
  }

  /**
   * The number may not be dialled.
   *
   * @param reason one line for a person: the number, what it is and the rule that refuses it
   */
  record Refused(String reason) implements DialDecision {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
