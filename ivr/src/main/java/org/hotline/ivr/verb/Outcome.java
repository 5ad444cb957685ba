package org.hotline.ivr.verb;

import java.util.Objects;

/** What a flow does after a verb: go on with the next verb, go to another flow, or end. */
public sealed interface Outcome {

  /** Go on with the next verb. */
  Outcome CONTINUE = new Continue();

  /** The flow is over: the call was connected to an agent, hung up, or the caller left. */
  Outcome END = new End();

  /** Continues in the flow named {@code flow}, keeping the call's language and variables. */
  static Outcome goTo(String flow) {
    return new GoTo(flow);
  }

  /** Go on with the next verb; use {@link #CONTINUE}. */
  record Continue() implements Outcome {}

  /** The flow is over; use {@link #END}. */
  record End() implements Outcome {}

  /** Continue in another flow. */
  record GoTo(String flow) implements Outcome {
    public GoTo {
      Objects.requireNonNull(flow, "flow");
    }
  }
}
