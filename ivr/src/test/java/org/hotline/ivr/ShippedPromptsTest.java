package org.hotline.ivr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hotline.config.IvrSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The prompt sets shipped in the jar ({@code prompts/<lang>/<name>.wav}, made by {@code
 * scripts/prompts/generate.sh}): every prompt a flow or the media layer asks for is there in every
 * language, in the format the media layer plays without resampling.
 */
class ShippedPromptsTest {
  private static final List<String> LANGUAGES = List.of("en", "zh");

  /** Played outside the demo flow: music on hold and ring-back by the queue, the others by flows to come. */
  private static final List<String> OTHER_PROMPTS = List.of("moh", "ringback", "goodbye", "not-available");

  static Stream<Arguments> prompts() {
    Set<String> names = new LinkedHashSet<>();
    for (String language : LANGUAGES) {
      IvrSettings settings = new IvrSettings(language, Optional.empty(), Duration.ofSeconds(5), 2);
      names.addAll(DemoFlows.directory(settings).promptNames());
    }
    names.addAll(OTHER_PROMPTS);
    return LANGUAGES.stream().flatMap(language -> names.stream().map(name -> Arguments.of(language, name)));
  }

  @ParameterizedTest(name = "prompts/{0}/{1}.wav")
  @MethodSource("prompts")
  void shippedPrompt_exists_asEightKilohertzMono16BitPcm(String language, String name) throws IOException {
    String resource = "prompts/" + language + "/" + name + ".wav";
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, resource + " is not on the classpath: run scripts/prompts/generate.sh");
      WavFormat format = WavFormat.read(in);
      assertEquals(1, format.formatTag(), resource + ": integer PCM");
      assertEquals(8000, format.sampleRate(), resource + ": sample rate");
      assertEquals(1, format.channels(), resource + ": channels");
      assertEquals(16, format.bitsPerSample(), resource + ": bits per sample");
      assertTrue(format.dataBytes() >= 8000, resource + ": at least half a second of audio");
    }
  }
}
