package org.hotline.ivr.verb;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code hangup} verb: plays an optional goodbye prompt, then ends the call with the cause
 * {@value #CAUSE}.
 *
 * @param goodbyePrompt played in full (no barge-in) before hanging up, if present
 */
public record HangupVerb(Optional<String> goodbyePrompt) implements Verb {

  /** The hangup cause recorded on the CDR. */
  public static final String CAUSE = "flow-hangup";

  public HangupVerb {
    Objects.requireNonNull(goodbyePrompt, "goodbyePrompt");
  }

  /** Hangs up at once. */
  public HangupVerb() {
    this(Optional.empty());
  }

  /** Plays {@code goodbyePrompt}, then hangs up. */
  public HangupVerb(String goodbyePrompt) {
    this(Optional.of(goodbyePrompt));
  }

  @Override
  public Outcome execute(FlowContext ctx) throws InterruptedException {
    if (goodbyePrompt.isPresent()) {
      ctx.await(ctx.media().play(ctx.prompt(goodbyePrompt.get()), false));
    }
    if (ctx.isActive()) {
      ctx.call().hangup(CAUSE);
    }
    return Outcome.END;
  }

  @Override
  public Set<String> promptNames() {
    return goodbyePrompt.map(Set::of).orElse(Set.of());
  }
}
