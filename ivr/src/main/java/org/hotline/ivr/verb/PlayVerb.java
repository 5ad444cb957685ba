package org.hotline.ivr.verb;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hotline.ivr.speech.Speech;

/**
 * The {@code play} verb: says its parts in order (prompts, numbers, digits, waits), then continues.
 * A number or wait read from a variable that is unset says nothing.
 *
 * @param parts what to say, at least one
 * @param bargeIn whether a key pressed during a prompt stops it (the key stays buffered for the
 *     next menu)
 */
public record PlayVerb(List<Speech> parts, boolean bargeIn) implements Verb {

  public PlayVerb {
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("play needs at least one prompt");
    }
  }

  /** Plays {@code prompts} without barge-in. */
  public static PlayVerb of(String... prompts) {
    return prompts(Arrays.asList(prompts), false);
  }

  /** Plays the prompts named {@code prompts}. */
  public static PlayVerb prompts(List<String> prompts, boolean bargeIn) {
    return new PlayVerb(prompts.stream().<Speech>map(Speech.Prompt::new).toList(), bargeIn);
  }

  @Override
  public Outcome execute(FlowContext ctx) throws InterruptedException {
    for (Speech part : parts) {
      if (!Prompts.play(ctx, part.prompts(ctx.language(), ctx.variables()), bargeIn)) {
        return Outcome.END;
      }
    }
    return Outcome.CONTINUE;
  }

  @Override
  public Set<String> promptNames() {
    Set<String> names = new LinkedHashSet<>();
    parts.forEach(part -> names.addAll(part.promptNames()));
    return names;
  }
}
