package org.hotline.core.report;

import java.util.Locale;

/** What a volume report splits its calls by, and what a drill-down selects calls on. */
public enum GroupBy {
  /** The queue the call joined. */
  QUEUE,
  /**
   * The agent who answered or was last offered the call (an address such as {@code tel:+86...} for
   * a transfer out).
   */
  AGENT,
  /** Where the caller's number is from. */
  REGION,
  /** The level of the customer whose phone number is the caller's number. */
  LEVEL,
  /**
   * How the call ended: {@code answered}, {@code abandoned}, {@code ivr-hangup}, {@code failed}.
   */
  OUTCOME,
  /** The last key the caller chose in the IVR. */
  IVR;

  /** The name used in the API: {@code queue}, {@code agent}, ... */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The grouping named {@code code}.
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static GroupBy fromCode(String code) {
    for (GroupBy g : values()) {
      if (g.code().equals(code)) {
        return g;
      }
    }
    throw new IllegalArgumentException(
        "expected queue, agent, region, level, outcome or ivr, got '" + code + "'");
  }
}
