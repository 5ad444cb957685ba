package org.hotline.ivr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Whether a prompt can be played: the prompt sets shipped in the jar ({@code
 * prompts/<language>/<name>.wav}) and the operator's prompts folder that adds to or replaces them
 * ({@code hotline.ivr.prompts-dir}). The flows file is checked against this at load.
 */
public final class PromptSets {
  private PromptSets() {}

  /** A check of {@code (language, name)} against the shipped prompts and {@code promptsDir}. */
  public static BiPredicate<String, String> available(Optional<Path> promptsDir) {
    return (language, name) ->
        shipped(language, name)
            || promptsDir
                .map(dir -> Files.isRegularFile(dir.resolve(language).resolve(name + ".wav")))
                .orElse(false);
  }

  /** Whether the jar ships prompt {@code name} in {@code language}. */
  public static boolean shipped(String language, String name) {
    return PromptSets.class
            .getClassLoader()
            .getResource("prompts/" + language + "/" + name + ".wav")
        != null;
  }
}
