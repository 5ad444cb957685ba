package org.hotline.core.media;

import java.util.Objects;

/**
 * A recorded prompt: a name ({@code welcome}, {@code menu-main}) in a language ({@code en}, {@code
 * zh}). The media layer resolves it to audio.
 */
public record Prompt(String language, String name) {
  public Prompt {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(name, "name");
  }
}
