package org.hotline.ivr.verb;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code run} verb: runs another flow as a sub-flow and, when its verbs run out, comes back to
 * the verb after this one. A sub-flow that ends the call (a hangup, a queue, a transfer) ends it
 * for good. A {@code goto} inside the sub-flow moves the sub-flow on; the return still comes here.
 * Each run counts against the call's {@value FlowContext#MAX_GOTOS} gotos, so a flow that runs
 * itself cannot recurse without end.
 *
 * @param flow the flow to run
 */
public record RunVerb(String flow) implements Verb {
  private static final Logger log = LoggerFactory.getLogger(RunVerb.class);

  public RunVerb {
    Objects.requireNonNull(flow, "flow");
  }

  @Override
  public Outcome execute(FlowContext ctx) throws InterruptedException {
    Optional<Verb> body = ctx.enter("run", flow);
    if (body.isEmpty()) {
      return Outcome.END;
    }
    log.info("run {}", flow);
    Outcome outcome = ctx.follow(flow, body.get());
    if (outcome instanceof Outcome.Continue && ctx.isActive()) {
      log.info("back from {}", flow);
      return Outcome.CONTINUE;
    }
    return Outcome.END;
  }

  @Override
  public Set<String> promptNames() {
    return Set.of();
  }
}
