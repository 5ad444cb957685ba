package org.hotline.ivr.verb;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code menu} verb: plays a prompt, waits for a key and runs the branch for it. No key within
 * the timeout, or a key without a branch, plays the no-input or invalid prompt and asks again, up
 * to {@code retries} times; then the default branch runs. The branch taken is recorded on the call
 * as the key ({@code "1"}) or {@value #DEFAULT_CHOICE}.
 *
 * <p>The menu does not clear buffered keys: a key pressed during the prompt (barge-in), or typed
 * ahead during an earlier prompt, is the caller's answer.
 *
 * @param prompt the question ({@code menu-main}), played with barge-in
 * @param branches what each key runs (an {@link EnqueueVerb}, a {@link Sequence})
 * @param timeout how long to wait for a key after the prompt
 * @param retries how many times the menu repeats before the default branch
 * @param invalidPrompt played after a key that has no branch
 * @param noInputPrompt played when no key came within the timeout
 * @param defaultBranch runs when the retries are used up
 */
public record MenuVerb(
    String prompt,
    Map<Character, Verb> branches,
    Duration timeout,
    int retries,
    String invalidPrompt,
    String noInputPrompt,
    Verb defaultBranch)
    implements Verb {
  private static final Logger log = LoggerFactory.getLogger(MenuVerb.class);

  /** The choice recorded when the default branch runs. */
  public static final String DEFAULT_CHOICE = "default";

  private static final String DTMF_KEYS = "0123456789*#ABCD";

  public MenuVerb {
    Objects.requireNonNull(prompt, "prompt");
    branches = Collections.unmodifiableMap(new TreeMap<>(branches)); // keys in order in logs
    for (char key : branches.keySet()) {
      if (DTMF_KEYS.indexOf(key) < 0) {
        throw new IllegalArgumentException("menu key '" + key + "' is not one of " + DTMF_KEYS);
      }
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("menu timeout must be positive, was " + timeout);
    }
    if (retries < 0) {
      throw new IllegalArgumentException("menu retries must be 0 or more, was " + retries);
    }
    Objects.requireNonNull(invalidPrompt, "invalidPrompt");
    Objects.requireNonNull(noInputPrompt, "noInputPrompt");
    Objects.requireNonNull(defaultBranch, "defaultBranch");
  }

  @Override
  public Outcome execute(FlowContext ctx) throws InterruptedException {
    for (int attempt = 0; attempt <= retries; attempt++) {
      ctx.await(ctx.media().play(ctx.prompt(prompt), true));
      if (!ctx.isActive()) {
        return Outcome.END;
      }
      Optional<Character> key = ctx.await(ctx.media().nextDigit(timeout));
      if (!ctx.isActive()) {
        return Outcome.END; // the wait ended because the caller hung up
      }
      Verb branch = key.map(branches::get).orElse(null);
      if (branch != null) {
        log.info("menu {}: key {}", prompt, key.get());
        return take(ctx, String.valueOf(key.get()), branch);
      }
      String what = key.map(k -> "invalid key " + k).orElse("no key");
      log.info("menu {}: {} (attempt {} of {})", prompt, what, attempt + 1, retries + 1);
      ctx.await(
          ctx.media().play(ctx.prompt(key.isPresent() ? invalidPrompt : noInputPrompt), true));
      if (!ctx.isActive()) {
        return Outcome.END;
      }
    }
    return take(ctx, DEFAULT_CHOICE, defaultBranch);
  }

  private static Outcome take(FlowContext ctx, String choice, Verb branch)
      throws InterruptedException {
    ctx.call().chose(choice);
    return branch.execute(ctx);
  }

  @Override
  public Set<String> promptNames() {
    Set<String> names = new LinkedHashSet<>(List.of(prompt, invalidPrompt, noInputPrompt));
    branches.values().forEach(branch -> names.addAll(branch.promptNames()));
    names.addAll(defaultBranch.promptNames());
    return names;
  }
}
