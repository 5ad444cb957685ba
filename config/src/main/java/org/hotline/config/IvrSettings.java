package org.hotline.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * IVR settings.
 *
 * @param language prompt language, {@code en} or {@code zh}
 * @param promptsDir folder of operator prompts that replace shipped ones
 * @param menuTimeout how long a menu waits for a key
 * @param menuRetries how many times a menu repeats before its default
 * @param flowsFile the operator's flows file (YAML); empty runs the shipped demo flows
 * @param voicemailDir folder the voicemail WAV files are written to
 */
public record IvrSettings(
    String language,
    Optional<Path> promptsDir,
    Duration menuTimeout,
    int menuRetries,
    Optional<Path> flowsFile,
    Path voicemailDir) {

  /** Settings with the shipped demo flows and voicemail under {@code ./data/voicemail}. */
  public IvrSettings(
      String language, Optional<Path> promptsDir, Duration menuTimeout, int menuRetries) {
    this(
        language,
        promptsDir,
        menuTimeout,
        menuRetries,
        Optional.empty(),
        Path.of("data", "voicemail"));
  }
}
