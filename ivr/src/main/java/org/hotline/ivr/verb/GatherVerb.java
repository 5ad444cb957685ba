package org.hotline.ivr.verb;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code gather} verb: plays a prompt and collects digits into a flow variable (an account
 * number, an order id). Collection ends at {@code maxLength} digits, at the finish key (not kept),
 * or when no digit comes within the timeout: {@code firstDigitTimeout} before the first digit,
 * {@code interDigitTimeout} between digits. Fewer than {@code minLength} digits plays the invalid
 * prompt (or the no-input prompt when there were none) and asks again, up to {@code retries} times;
 * then the {@code failed} branch runs and the variable stays unset.
 *
 * @param prompt the question, played with barge-in (the first digit may stop it)
 * @param variable where the digits go ({@code account})
 * @param minLength fewest digits accepted, at least 1
 * @param maxLength most digits; collection stops there
 * @param finishKey ends collection early ({@code #}); empty when only the length or a timeout does
 * @param firstDigitTimeout how long to wait for the first digit after the prompt
 * @param interDigitTimeout how long to wait for each further digit
 * @param retries how many times to ask again
 * @param invalidPrompt played after too few digits
 * @param noInputPrompt played when no digit came
 * @param failed runs when the retries are used up ({@link Sequence#of()} continues)
 */
public record GatherVerb(
    String prompt,
    String variable,
    int minLength,
    int maxLength,
    Optional<Character> finishKey,
    Duration firstDigitTimeout,
    Duration interDigitTimeout,
    int retries,
    String invalidPrompt,
    String noInputPrompt,
    Verb failed)
    implements Verb {
  private static final Logger log = LoggerFactory.getLogger(GatherVerb.class);

  public GatherVerb {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(variable, "variable");
    if (minLength < 1 || maxLength < minLength) {
      throw new IllegalArgumentException(
          "gather lengths must be 1 <= min <= max, were " + minLength + ", " + maxLength);
    }
    Objects.requireNonNull(finishKey, "finishKey");
    for (Duration timeout : List.of(firstDigitTimeout, interDigitTimeout)) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("gather timeouts must be positive, was " + timeout);
      }
    }
    if (retries < 0) {
      throw new IllegalArgumentException("gather retries must be 0 or more, was " + retries);
    }
    Objects.requireNonNull(invalidPrompt, "invalidPrompt");
    Objects.requireNonNull(noInputPrompt, "noInputPrompt");
    Objects.requireNonNull(failed, "failed");
  }

  @Override
  public Outcome execute(FlowContext ctx) throws InterruptedException {
    for (int attempt = 0; attempt <= retries; attempt++) {
      if (!Prompts.play(ctx, prompt, true)) {
        return Outcome.END;
      }
      StringBuilder digits = new StringBuilder();
      Duration timeout = firstDigitTimeout;
      while (digits.length() < maxLength) {
        Optional<Character> key = ctx.await(ctx.media().nextDigit(timeout));
        if (!ctx.isActive()) {
          return Outcome.END;
        }
        if (key.isEmpty() || key.equals(finishKey)) {
          break;
        }
        digits.append(key.get());
        timeout = interDigitTimeout;
      }
      if (digits.length() >= minLength) {
        ctx.variables().put(variable, digits.toString());
        log.info("gather {}: {} digits", variable, digits.length());
        return Outcome.CONTINUE;
      }
      log.info(
          "gather {}: {} digits, too few (attempt {} of {})",
          variable,
          digits.length(),
          attempt + 1,
          retries + 1);
      if (!Prompts.play(ctx, digits.isEmpty() ? noInputPrompt : invalidPrompt, true)) {
        return Outcome.END;
      }
    }
    log.info("gather {}: retries used up", variable);
    return failed.execute(ctx);
  }

  @Override
  public Set<String> promptNames() {
    Set<String> names = new LinkedHashSet<>(List.of(prompt, invalidPrompt, noInputPrompt));
    names.addAll(failed.promptNames());
    return names;
  }
}
