package org.hotline.ivr.verb;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code language} verb: asks the caller to choose a language by key (1 中文, 2 English), then
 * plays every later prompt of the call in it and tells the call ({@link
 * org.hotline.core.flow.ActiveCall#language}) so music on hold follows. It asks once: no key, or a
 * key that is not offered, takes the default, or keeps the current language when there is none. A
 * key pressed during the prompt counts (barge-in).
 *
 * @param prompt the question, played with barge-in
 * @param languages the language ({@code zh}) each key chooses
 * @param timeout how long to wait for a key after the prompt
 * @param defaultLanguage the language when the caller does not choose; empty keeps the current one
 */
public record LanguageVerb(
    String prompt,
    Map<Character, String> languages,
    Duration timeout,
    Optional<String> defaultLanguage)
    implements Verb {
  private static final Logger log = LoggerFactory.getLogger(LanguageVerb.class);

  public LanguageVerb {
    Objects.requireNonNull(prompt, "prompt");
    languages = Collections.unmodifiableMap(new TreeMap<>(languages));
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("language timeout must be positive, was " + timeout);
    }
    Objects.requireNonNull(defaultLanguage, "defaultLanguage");
  }

  @Override
  public Outcome execute(FlowContext ctx) throws InterruptedException {
    if (!Prompts.play(ctx, prompt, true)) {
      return Outcome.END;
    }
    Optional<Character> key = ctx.await(ctx.media().nextDigit(timeout));
    if (!ctx.isActive()) {
      return Outcome.END;
    }
    Optional<String> chosen = key.map(languages::get);
    String language = chosen.or(() -> defaultLanguage).orElse(ctx.language());
    log.info("language {} ({})", language, chosen.isPresent() ? "key " + key.get() : "default");
    ctx.language(language);
    ctx.call().language(language);
    return Outcome.CONTINUE;
  }

  @Override
  public Set<String> promptNames() {
    return Set.of(prompt);
  }
}
