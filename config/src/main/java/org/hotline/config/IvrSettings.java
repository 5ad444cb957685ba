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
 */
public record IvrSettings(String language, Optional<Path> promptsDir, Duration menuTimeout, int menuRetries) {}
