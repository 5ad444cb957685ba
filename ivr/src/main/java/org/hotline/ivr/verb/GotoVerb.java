package org.hotline.ivr.verb;

import java.util.Objects;
import java.util.Set;

/**
 * The {@code goto} verb: continues in another flow, for good; the verbs after it never run. The
 * call keeps its language and variables.
 *
 * @param flow the flow to go to
 */
public record GotoVerb(String flow) implements Verb {

  public GotoVerb {
    Objects.requireNonNull(flow, "flow");
  }

  @Override
  public Outcome execute(FlowContext ctx) {
    return Outcome.goTo(flow);
  }

  @Override
  public Set<String> promptNames() {
    return Set.of();
  }
}
