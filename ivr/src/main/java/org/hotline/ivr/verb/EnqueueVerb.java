package org.hotline.ivr.verb;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code enqueue} verb: puts the call in a queue at once (routing starts while the caller
 * hears the hold announcement, then music) and waits until an agent answers or the caller leaves. Either way the flow is over: once connected the call
 * belongs to the agent's bridge.
 *
 * @param queue the queue ({@code sales})
 * @param priority lower is served first (0 = VIP)
 * @param holdPrompt announced as the call joins the queue ({@code please-hold})
 */
public record EnqueueVerb(String queue, int priority, String holdPrompt) implements Verb {
  private static final Logger log = LoggerFactory.getLogger(EnqueueVerb.class);

  /** The announcement played on joining the queue unless another is given. */
  public static final String HOLD_PROMPT = "please-hold";

  public EnqueueVerb {
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(holdPrompt, "holdPrompt");
  }

  /** Enqueues in {@code queue} at {@code priority}, announcing {@value #HOLD_PROMPT}. */
  public EnqueueVerb(String queue, int priority) {
    this(queue, priority, HOLD_PROMPT);
  }

  @Override
  public Outcome execute(FlowContext ctx) throws InterruptedException {
    log.info("enqueue in {} at priority {}", queue, priority);
    boolean connected = ctx.await(ctx.call().enqueue(queue, priority, Optional.of(ctx.prompt(holdPrompt))));
    log.info(connected ? "connected to an agent from {}" : "caller left queue {}", queue);
    return Outcome.END;
  }

  @Override
  public Set<String> promptNames() {
    return Set.of(holdPrompt);
  }
}
