package org.hotline.ivr.speech;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One thing a {@code play} verb says: a prompt, or a number, a string of digits or a wait taken
 * from the flow's variables or written in the flow. Each turns into prompt names when played, in
 * the call's language at that moment.
 */
public sealed interface Speech {

  /**
   * The prompts that say this, in {@code language}, with {@code variables} for references; empty
   * when a variable is unset or does not hold what it should (nothing is said).
   */
  List<String> prompts(String language, Map<String, String> variables);

  /** Every prompt this may be said with. */
  Set<String> promptNames();

  /** A recorded prompt ({@code welcome}). */
  record Prompt(String name) implements Speech {
    public Prompt {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public List<String> prompts(String language, Map<String, String> variables) {
      return List.of(name);
    }

    @Override
    public Set<String> promptNames() {
      return Set.of(name);
    }
  }

  /** A number 0 to 9999 ({@code 42}, or {@code $queue.position}). */
  record Number(Value value) implements Speech {
    public Number {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public List<String> prompts(String language, Map<String, String> variables) {
      return value
          .resolve(variables)
          .flatMap(Speech::integer)
          .filter(n -> n >= 0 && n <= NumberSpeaker.MAX)
          .map(n -> NumberSpeaker.say(n, language))
          .orElse(List.of());
    }

    @Override
    public Set<String> promptNames() {
      return NumberSpeaker.promptNames();
    }
  }

  /** Digits one by one ({@code $account}: "one two three four"). */
  record Digits(Value value) implements Speech {
    public Digits {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public List<String> prompts(String language, Map<String, String> variables) {
      return value.resolve(variables).map(NumberSpeaker::digits).orElse(List.of());
    }

    @Override
    public Set<String> promptNames() {
      return NumberSpeaker.promptNames();
    }
  }

  /** A wait in seconds ({@code 90}: "about 2 minutes"). */
  record Wait(Value value) implements Speech {
    public Wait {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public List<String> prompts(String language, Map<String, String> variables) {
      return value
          .resolve(variables)
          .flatMap(Speech::integer)
          .map(seconds -> WaitSpeaker.say(Duration.ofSeconds(seconds), language))
          .orElse(List.of());
    }

    @Override
    public Set<String> promptNames() {
      return WaitSpeaker.promptNames();
    }
  }

  /**
   * A value written in the flow ({@code 42}) or read from variable {@code name} when the flow runs
   * ({@code $name}).
   */
  record Value(String literal, boolean variable) {
    public Value {
      Objects.requireNonNull(literal, "literal");
    }

    /** {@code text} as written: {@code $name} is a variable reference, anything else a literal. */
    public static Value of(String text) {
      return text.startsWith("$") ? new Value(text.substring(1), true) : new Value(text, false);
    }

    Optional<String> resolve(Map<String, String> variables) {
      return variable ? Optional.ofNullable(variables.get(literal)) : Optional.of(literal);
    }

    @Override
    public String toString() {
      return variable ? "$" + literal : literal;
    }
  }

  private static Optional<Integer> integer(String text) {
    try {
      return Optional.of(Integer.parseInt(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
