package org.hotline.ivr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hotline.config.IvrSettings;
import org.hotline.ivr.flows.Flows;
import org.hotline.ivr.flows.FlowsException;
import org.hotline.ivr.speech.WaitSpeaker;
import org.hotline.ivr.verb.FlowServices;
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

  /**
   * Played outside the demo flows: ring-back by the signalling layer, the defaults of verbs the
   * demo does not use, every word numbers and waits are said with.
   */
  private static final List<String> OTHER_PROMPTS =
      List.of("ringback", "goodbye", "not-available", "transferring", "transfer-failed");

  /** Said one after another, so trimmed short: at least a tenth of a second. */
  private static final long MIN_WORD_BYTES = 1600;

  static Stream<Arguments> prompts() throws FlowsException {
    Set<String> names = new LinkedHashSet<>();
    IvrSettings settings = new IvrSettings("en", Optional.empty(), Duration.ofSeconds(5), 2);
    names.addAll(
        Flows.load(settings, FlowServices.withoutStores(Clock.systemUTC()), (l, n) -> true)
            .current()
            .promptNames());
    names.addAll(OTHER_PROMPTS);
    names.addAll(WaitSpeaker.promptNames());
    return LANGUAGES.stream()
        .flatMap(language -> names.stream().map(name -> Arguments.of(language, name)));
  }

  @ParameterizedTest(name = "prompts/{0}/{1}.wav")
  @MethodSource("prompts")
  void shippedPrompt_exists_asEightKilohertzMono16BitPcm(String language, String name)
      throws IOException {
    String resource = "prompts/" + language + "/" + name + ".wav";
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, resource + " is not on the classpath: run scripts/prompts/generate.sh");
      WavFormat format = WavFormat.read(in);
      assertEquals(1, format.formatTag(), resource + ": integer PCM");
      assertEquals(8000, format.sampleRate(), resource + ": sample rate");
      assertEquals(1, format.channels(), resource + ": channels");
      assertEquals(16, format.bitsPerSample(), resource + ": bits per sample");
      if (name.startsWith("num-")) {
        assertTrue(
            format.dataBytes() >= MIN_WORD_BYTES,
            resource + ": at least a tenth of a second of audio");
      } else {
        assertTrue(format.dataBytes() >= 8000, resource + ": at least half a second of audio");
      }
    }
  }
}
