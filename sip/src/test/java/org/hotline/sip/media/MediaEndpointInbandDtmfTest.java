package org.hotline.sip.media;

import static org.hotline.sip.media.AudioFixtures.concat;
import static org.hotline.sip.media.AudioFixtures.dtmf;
import static org.hotline.sip.media.AudioFixtures.silence;
import static org.hotline.sip.media.AudioFixtures.withNoise;
import static org.hotline.sip.media.RtpFixtures.PHONE_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.hotline.core.media.Prompt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Keys sent as tones by phones that offer no telephone-event. */
class MediaEndpointInbandDtmfTest {

  @TempDir Path prompts;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private EmbeddedChannel channel;
  private MediaEndpoint endpoint;

  @BeforeEach
  void open() throws IOException {
    Files.createDirectories(prompts.resolve("en"));
    Files.write(prompts.resolve("en/menu.wav"), AudioFixtures.wav16OfTone(400, 2000));
    channel = new EmbeddedChannel();
    channel.freezeTime();
    endpoint =
        new MediaEndpoint(
            channel,
            40000,
            new PromptLibrary(Optional.of(prompts)),
            new MediaMetrics(registry),
            System::nanoTime,
            e -> {});
  }

  @AfterEach
  void close() {
    endpoint.close();
    channel.releaseOutbound();
    assertFalse(channel.finishAndReleaseAll());
  }

  @ParameterizedTest(name = "{0} with {1} samples per packet")
  @CsvSource({"PCMU, 80", "PCMU, 160", "PCMA, 240", "PCMA, 480", "PCMU, 480"})
  void tones_becomeDigits_whateverThePacketSize(Codec codec, int packetSamples) {
    endpoint.connect(PHONE_A, codec, -1);
    short[] keys =
        concat(
            dtmf('1', 80), silence(60), dtmf('1', 80), silence(60), dtmf('#', 500), silence(100));
    new RtpStreamer(channel, PHONE_A, codec, packetSamples, 3).send(withNoise(keys, -50, 7));

    assertEquals("11#", drainDigits());
    assertEquals(3.0, registry.get("hotline.dtmf.digits").counter().count());
  }

  @Test
  void tone_bargesIntoAPrompt() {
    endpoint.connect(PHONE_A, Codec.PCMU, -1);
    CompletableFuture<Void> menu = endpoint.play(new Prompt("en", "menu"), true);
    channel.runPendingTasks();
    new RtpStreamer(channel, PHONE_A, Codec.PCMU, 160, 3).send(dtmf('4', 100));

    assertTrue(menu.isDone());
    assertEquals("4", drainDigits());
  }

  @Test
  void phoneWithTelephoneEvents_isNotListenedToForTones() {
    endpoint.connect(PHONE_A, Codec.PCMU, 101);
    new RtpStreamer(channel, PHONE_A, Codec.PCMU, 160, 3)
        .send(concat(dtmf('5', 100), silence(60)))
        .key(101, 5);

    assertEquals("5", drainDigits(), "the event counts, the tone beside it does not");
  }

  @Test
  void reconnectingWithoutTelephoneEvents_startsListening() {
    endpoint.connect(PHONE_A, Codec.PCMU, 101);
    endpoint.connect(PHONE_A, Codec.PCMU, -1);
    new RtpStreamer(channel, PHONE_A, Codec.PCMU, 160, 3).send(dtmf('8', 100));
    assertEquals("8", drainDigits());
  }

  private String drainDigits() {
    StringBuilder out = new StringBuilder();
    Optional<Character> digit;
    while ((digit = endpoint.nextDigit(Duration.ZERO).join()).isPresent()) {
      out.append(digit.get());
    }
    return out.toString();
  }
}
