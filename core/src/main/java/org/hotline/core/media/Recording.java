package org.hotline.core.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A finished recording of a caller (voicemail).
 *
 * @param file the WAV file written
 * @param length how much audio it holds
 * @param stoppedBy the key that ended it, if a key did
 */
public record Recording(Path file, Duration length, Optional<Character> stoppedBy) {
  public Recording {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(length, "length");
    Objects.requireNonNull(stoppedBy, "stoppedBy");
  }
}
