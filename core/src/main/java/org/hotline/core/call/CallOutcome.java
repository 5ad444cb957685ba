package org.hotline.core.call;

/** How a call ended, as stored on its CDR. */
public enum CallOutcome {
  /** An agent answered. */
  ANSWERED("answered"),
  /** The caller hung up while queued or while an agent's phone rang. */
  ABANDONED("abandoned"),
  /** The caller hung up in the IVR, before reaching a queue. */
  IVR_HANGUP("ivr-hangup"),
  /**
   * The call could not be completed: rejected, no route, media failure, shutdown before an answer.
   */
  FAILED("failed");

  private final String code;

  CallOutcome(String code) {
    this.code = code;
  }

  /** The stable name used in CDRs, the API and reports. */
  public String code() {
    return code;
  }

  public static CallOutcome fromCode(String code) {
    for (CallOutcome o : values()) {
      if (o.code.equals(code)) {
        return o;
      }
    }
    throw new IllegalArgumentException("unknown outcome: " + code);
  }
}
