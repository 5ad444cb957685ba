package org.hotline.ivr.verb;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code play} verb: plays one or more prompts in order, then continues.
 *
 * @param prompts prompt names ({@code welcome}), at least one
 * @param bargeIn whether a key pressed during a prompt stops it (the key stays buffered for the
 *     next menu)
 */
public record PlayVerb(List<String> prompts, boolean bargeIn) implements Verb {

  public PlayVerb {
    prompts = List.copyOf(prompts);
    if (prompts.isEmpty()) {
      throw new IllegalArgumentException("play needs at least one prompt");
    }
  }

  /** Plays {@code prompts} without barge-in. */
  public static PlayVerb of(String... prompts) {
    return new PlayVerb(List.of(prompts), false);
  }

  @Override
  public Outcome execute(FlowContext ctx) throws InterruptedException {
    for (String prompt : prompts) {
      ctx.await(ctx.media().play(ctx.prompt(prompt), bargeIn));
      if (!ctx.isActive()) {
        return Outcome.END;
      }
    }
    return Outcome.CONTINUE;
  }

  @Override
  public Set<String> promptNames() {
    return new LinkedHashSet<>(prompts);
  }
}
