package org.hotline.ivr.verb;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A list of verbs run in order: a flow's body or a menu branch. It stops at the first verb that
 * does not {@link Outcome#CONTINUE continue}, and as soon as the caller is gone.
 */
public record Sequence(List<Verb> verbs) implements Verb {

  public Sequence {
    verbs = List.copyOf(verbs);
  }

  /** A sequence of {@code verbs}. */
  public static Sequence of(Verb... verbs) {
    return new Sequence(List.of(verbs));
  }

  @Override
  public Outcome execute(FlowContext ctx) throws InterruptedException {
    for (Verb verb : verbs) {
      if (!ctx.isActive()) {
        return Outcome.END;
      }
      Outcome outcome = verb.execute(ctx);
      if (!(outcome instanceof Outcome.Continue)) {
        return outcome;
      }
    }
    return ctx.isActive() ? Outcome.CONTINUE : Outcome.END;
  }

  @Override
  public Set<String> promptNames() {
    Set<String> names = new LinkedHashSet<>();
    verbs.forEach(verb -> names.addAll(verb.promptNames()));
    return names;
  }
}
