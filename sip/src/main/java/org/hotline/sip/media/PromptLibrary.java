package org.hotline.sip.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.hotline.core.media.Prompt;
import org.hotline.sip.media.prompt.EncodedPrompt;
import org.hotline.sip.media.prompt.WavFormatException;
import org.hotline.sip.media.prompt.WavReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prompts the server can play, loaded from WAV files on first use and cached pre-encoded per
 * codec.
 *
 * <p>A prompt {@code (language, name)} is the file {@code <overrideDir>/<language>/<name>.wav} when
 * it exists, else the class-path resource {@code prompts/<language>/<name>.wav} (shipped in the ivr
 * module's jar). A prompt that is missing or in a format we cannot play is logged once and stays
 * absent until restart; so does a name with characters other than letters, digits, {@code - _ .},
 * which keeps prompt names from walking out of the directory.
 *
 * <p>Thread-safe. {@link #find} reads files on a cache miss, so call it from a thread that may
 * block, not from an event loop.
 */
public final class PromptLibrary {

  private static final Logger log = LoggerFactory.getLogger(PromptLibrary.class);
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}");
  private static final long MAX_FILE_BYTES = 64L << 20;

  private final Optional<Path> overrideDir;
  private final ClassLoader classLoader;
  private final ConcurrentHashMap<Key, Optional<EncodedPrompt>> cache = new ConcurrentHashMap<>();
  private final Set<Prompt> reported = ConcurrentHashMap.newKeySet();

  /**
   * @param overrideDir a directory whose {@code <language>/<name>.wav} files replace ours
   */
  public PromptLibrary(Optional<Path> overrideDir) {
    this(overrideDir, PromptLibrary.class.getClassLoader());
  }

  PromptLibrary(Optional<Path> overrideDir, ClassLoader classLoader) {
    this.overrideDir = overrideDir;
    this.classLoader = classLoader;
  }

  /** The prompt encoded in {@code codec}, or empty when it is missing or unusable (logged). */
  public Optional<EncodedPrompt> find(Prompt prompt, Codec codec) {
    return cache.computeIfAbsent(new Key(prompt, codec), this::load);
  }

  private Optional<EncodedPrompt> load(Key key) {
    Prompt prompt = key.prompt();
    if (!SAFE_NAME.matcher(prompt.language()).matches()
        || !SAFE_NAME.matcher(prompt.name()).matches()
        || prompt.name().contains("..")) {
      reportOnce(prompt, "prompt {}/{} has an invalid name", prompt.language(), prompt.name());
      return Optional.empty();
    }
    String relative = prompt.language() + "/" + prompt.name() + ".wav";
    try {
      Optional<Source> source = locate(relative);
      if (source.isEmpty()) {
        reportOnce(
            prompt,
            "prompt {} not found in {} nor on the class path under prompts/",
            relative,
            overrideDir.map(Path::toString).orElse("(no override directory)"));
        return Optional.empty();
      }
      short[] samples = WavReader.read(source.get().bytes(), source.get().name());
      return Optional.of(EncodedPrompt.encode(prompt, samples, key.codec()));
    } catch (WavFormatException e) {
      reportOnce(prompt, "prompt not playable: {}", e.getMessage());
    } catch (IOException e) {
      reportOnce(prompt, "prompt {} could not be read: {}", relative, e.toString());
    }
    return Optional.empty();
  }

  private Optional<Source> locate(String relative) throws IOException {
    if (overrideDir.isPresent()) {
      Path file = overrideDir.get().resolve(relative);
      if (Files.isRegularFile(file)) {
        if (Files.size(file) > MAX_FILE_BYTES) {
          throw new IOException(file + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        return Optional.of(new Source(file.toString(), Files.readAllBytes(file)));
      }
    }
    String resource = "prompts/" + relative;
    try (InputStream in = classLoader.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new Source("classpath:" + resource, in.readNBytes((int) MAX_FILE_BYTES)));
    }
  }

  private void reportOnce(Prompt prompt, String format, Object... args) {
    if (reported.add(prompt)) {
      log.warn(format, args);
    }
  }

  private record Key(Prompt prompt, Codec codec) {}

  private record Source(String name, byte[] bytes) {}
}
