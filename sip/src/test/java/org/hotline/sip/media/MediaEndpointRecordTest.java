package org.hotline.sip.media;

import static org.hotline.sip.media.AudioFixtures.concat;
import static org.hotline.sip.media.AudioFixtures.dtmf;
import static org.hotline.sip.media.AudioFixtures.readWav16;
import static org.hotline.sip.media.AudioFixtures.rms;
import static org.hotline.sip.media.AudioFixtures.silence;
import static org.hotline.sip.media.AudioFixtures.sine;
import static org.hotline.sip.media.AudioFixtures.toneShare;
import static org.hotline.sip.media.AudioFixtures.zeroCrossingHz;
import static org.hotline.sip.media.RtpFixtures.PHONE_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.hotline.core.media.Recording;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Voicemail recording on an endpoint whose event loop the test drives. */
class MediaEndpointRecordTest {

  private static final int TE = 101;

  @TempDir Path dir;
  private EmbeddedChannel channel;
  private MediaEndpoint endpoint;
  private Path file;

  @BeforeEach
  void open() {
    channel = new EmbeddedChannel();
    channel.freezeTime();
    endpoint =
        new MediaEndpoint(
            channel,
            40000,
            new PromptLibrary(Optional.empty()),
            new MediaMetrics(new SimpleMeterRegistry()),
            System::nanoTime,
            e -> {});
    endpoint.connect(PHONE_A, Codec.PCMU, TE);
    file = dir.resolve("voicemail/4711.wav");
  }

  @AfterEach
  void close() {
    endpoint.close();
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void tone_isRecorded_untilTheStopKey_whichIsConsumed() throws Exception {
    CompletableFuture<Recording> done =
        endpoint.record(file, Duration.ofSeconds(30), Duration.ofSeconds(5), "#");
    phone(160).send(sine(1000, -10, 1000)).key(TE, 11);

    Recording recording = await(done);
    assertEquals(Optional.of('#'), recording.stoppedBy());
    assertEquals(Duration.ofSeconds(1), recording.length());
    short[] audio = readWav16(Files.readAllBytes(file));
    assertEquals(8000, audio.length);
    assertEquals(1000, zeroCrossingHz(audio, 0, audio.length), 5);
    assertTrue(toneShare(audio, 0, audio.length, 1000) > 0.95, "a clean 1 kHz tone");
    assertEquals(
        AudioFixtures.amplitude(-10) / Math.sqrt(2),
        rms(audio, 0, audio.length),
        AudioFixtures.amplitude(-10) * 0.05);
    assertEquals(
        Optional.empty(),
        endpoint.nextDigit(Duration.ZERO).join(),
        "the stop key is not left for the next menu");
  }

  @Test
  void otherKeys_stayBuffered_andDoNotStop() throws Exception {
    CompletableFuture<Recording> done =
        endpoint.record(file, Duration.ofSeconds(30), Duration.ZERO, "#*");
    phone(160).send(sine(500, -20, 200)).key(TE, 1).send(sine(500, -20, 200)).key(TE, 10);

    assertEquals(Optional.of('*'), await(done).stoppedBy());
    assertEquals(Optional.of('1'), endpoint.nextDigit(Duration.ZERO).join());
  }

  @Test
  void stopsAtMaxLength_withExactlyThatMuchAudio() throws Exception {
    CompletableFuture<Recording> done =
        endpoint.record(file, Duration.ofMillis(500), Duration.ZERO, "#");
    phone(160).send(sine(800, -15, 1200));

    Recording recording = await(done);
    assertEquals(Duration.ofMillis(500), recording.length());
    assertEquals(Optional.empty(), recording.stoppedBy());
    assertEquals(4000, readWav16(Files.readAllBytes(file)).length);
  }

  @Test
  void stopsAfterMaxSilence_onceSpeechWasHeard() throws Exception {
    CompletableFuture<Recording> done =
        endpoint.record(file, Duration.ofSeconds(30), Duration.ofSeconds(1), "#");
    RtpStreamer phone = phone(160);
    phone.send(silence(2000));
    assertFalse(done.isDone(), "silence before the caller speaks does not stop it");
    phone.send(sine(300, -20, 500)).send(silence(3000));

    Recording recording = await(done);
    assertEquals(Duration.ofMillis(3500), recording.length(), "2 s + 0.5 s + 1 s of silence");
    assertEquals(Optional.empty(), recording.stoppedBy());
  }

  @Test
  void peerFallingSilentWithoutPackets_stopsOnTheClock() throws Exception {
    CompletableFuture<Recording> done =
        endpoint.record(file, Duration.ofSeconds(30), Duration.ofSeconds(1), "#");
    phone(160).send(sine(300, -20, 400));
    channel.advanceTimeBy(500, TimeUnit.MILLISECONDS);
    channel.runPendingTasks();
    assertFalse(done.isDone());
    channel.advanceTimeBy(700, TimeUnit.MILLISECONDS);
    channel.runPendingTasks();

    assertEquals(Duration.ofMillis(400), await(done).length());
  }

  @Test
  void noPacketsAtAll_stopsWhenMaxLengthHasPassedOnTheClock() throws Exception {
    CompletableFuture<Recording> done =
        endpoint.record(file, Duration.ofSeconds(2), Duration.ofSeconds(1), "#");
    channel.advanceTimeBy(2000, TimeUnit.MILLISECONDS);
    channel.runPendingTasks();
    assertFalse(done.isDone(), "packets may trail a little behind the clock");
    channel.advanceTimeBy(1100, TimeUnit.MILLISECONDS);
    channel.runPendingTasks();

    Recording recording = await(done);
    assertEquals(Duration.ZERO, recording.length());
    assertEquals(0, readWav16(Files.readAllBytes(file)).length);
  }

  @Test
  void lostPackets_leaveSilenceOfTheirLength_inTheirPlace() throws Exception {
    CompletableFuture<Recording> done =
        endpoint.record(file, Duration.ofSeconds(30), Duration.ZERO, "#");
    phone(240).send(sine(1000, -10, 300)).lose(2400).send(sine(1000, -10, 300)).key(TE, 11);

    assertEquals(Duration.ofMillis(900), await(done).length());
    short[] audio = readWav16(Files.readAllBytes(file));
    assertEquals(7200, audio.length);
    assertTrue(rms(audio, 0, 2400) > 1000);
    assertEquals(0, rms(audio, 2400, 2400), "the gap is silence");
    assertTrue(rms(audio, 4800, 2400) > 1000);
  }

  @Test
  void comfortNoise_standsForSilence() throws Exception {
    CompletableFuture<Recording> done =
        endpoint.record(file, Duration.ofSeconds(30), Duration.ZERO, "#");
    phone(160).send(sine(700, -10, 200)).comfortNoise(800).send(sine(700, -10, 200)).key(TE, 11);

    assertEquals(Duration.ofMillis(500), await(done).length());
  }

  @Test
  void lateAndRepeatedPackets_areLeftOut() throws Exception {
    CompletableFuture<Recording> done =
        endpoint.record(file, Duration.ofSeconds(30), Duration.ZERO, "#");
    short[] tone = sine(1000, -10, 20);
    channel.writeInbound(
        RtpFixtures.datagram(
            RtpFixtures.rtp(0, 1, 1000, 9, false, AudioFixtures.encode(Codec.PCMU, tone, 0, 160)),
            PHONE_A));
    channel.writeInbound(
        RtpFixtures.datagram(
            RtpFixtures.rtp(0, 3, 1320, 9, false, AudioFixtures.encode(Codec.PCMU, tone, 0, 160)),
            PHONE_A));
    channel.writeInbound(
        RtpFixtures.datagram(
            RtpFixtures.rtp(0, 2, 1160, 9, false, AudioFixtures.encode(Codec.PCMU, tone, 0, 160)),
            PHONE_A));
    channel.writeInbound(
        RtpFixtures.datagram(
            RtpFixtures.rtp(0, 3, 1320, 9, false, AudioFixtures.encode(Codec.PCMU, tone, 0, 160)),
            PHONE_A));
    endpoint.receiveDigit('#');

    assertEquals(Duration.ofMillis(60), await(done).length(), "20 ms, 20 ms lost, 20 ms");
  }

  @Test
  void timestampJump_isNotFilled() throws Exception {
    CompletableFuture<Recording> done =
        endpoint.record(file, Duration.ofSeconds(30), Duration.ZERO, "#");
    phone(160).send(sine(1000, -10, 100)).lose(8000 * 60).send(sine(1000, -10, 100));
    endpoint.receiveDigit('#');

    assertEquals(Duration.ofMillis(200), await(done).length());
  }

  @Test
  void inbandStopKey_fromAPhoneWithoutTelephoneEvents() throws Exception {
    endpoint.connect(PHONE_A, Codec.PCMA, -1);
    CompletableFuture<Recording> done =
        endpoint.record(file, Duration.ofSeconds(30), Duration.ofSeconds(5), "#");
    phone(160).send(concat(sine(440, -15, 1000), dtmf('#', 100), silence(100)));

    Recording recording = await(done);
    assertEquals(Optional.of('#'), recording.stoppedBy());
    assertTrue(recording.length().compareTo(Duration.ofMillis(1040)) >= 0);
    assertTrue(recording.length().compareTo(Duration.ofMillis(1100)) <= 0);
    assertEquals(Optional.empty(), endpoint.nextDigit(Duration.ZERO).join());
  }

  @Test
  void close_stopsTheRecording_andWritesWhatItHas() throws Exception {
    CompletableFuture<Recording> done =
        endpoint.record(file, Duration.ofSeconds(30), Duration.ZERO, "#");
    phone(160).send(sine(1000, -10, 300));
    endpoint.close();

    assertEquals(Duration.ofMillis(300), await(done).length());
    assertEquals(2400, readWav16(Files.readAllBytes(file)).length);
  }

  @Test
  void newRecording_stopsThePreviousOne() throws Exception {
    CompletableFuture<Recording> first =
        endpoint.record(file, Duration.ofSeconds(30), Duration.ZERO, "#");
    phone(160).send(sine(1000, -10, 100));
    Path second = dir.resolve("second.wav");
    CompletableFuture<Recording> next =
        endpoint.record(second, Duration.ofSeconds(30), Duration.ZERO, "#");

    assertEquals(Duration.ofMillis(100), await(first).length());
    assertFalse(next.isDone());
    endpoint.receiveDigit('#');
    assertEquals(Duration.ZERO, await(next).length());
  }

  @Test
  void recordingAfterClose_completesEmpty() throws Exception {
    endpoint.close();
    Recording recording = await(endpoint.record(file, Duration.ofSeconds(30), Duration.ZERO, "#"));
    assertEquals(Duration.ZERO, recording.length());
    assertTrue(Files.isRegularFile(file));
  }

  @Test
  void unwritableFile_completesExceptionally() {
    Path directory = dir.resolve("taken");
    CompletableFuture<Recording> done;
    try {
      Files.createDirectories(directory.resolve("x"));
      done = endpoint.record(directory, Duration.ofSeconds(30), Duration.ZERO, "#");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    endpoint.receiveDigit('#');
    ExecutionException failure =
        assertThrows(ExecutionException.class, () -> done.get(5, TimeUnit.SECONDS));
    assertNotEquals(null, failure.getCause());
  }

  @Test
  void badArguments_areRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> endpoint.record(file, Duration.ZERO, Duration.ZERO, "#"));
    assertThrows(
        IllegalArgumentException.class,
        () -> endpoint.record(file, Duration.ofHours(2), Duration.ZERO, "#"));
    assertThrows(
        IllegalArgumentException.class,
        () -> endpoint.record(file, Duration.ofSeconds(1), Duration.ofSeconds(-1), "#"));
    assertThrows(
        IllegalArgumentException.class,
        () -> endpoint.record(file, Duration.ofSeconds(1), Duration.ZERO, "x"));
  }

  @Test
  void fileIsWrittenOffTheEventLoop() throws Exception {
    CompletableFuture<Recording> done =
        endpoint.record(file, Duration.ofSeconds(30), Duration.ZERO, "#");
    Thread[] writer = new Thread[1];
    CompletableFuture<Void> seen = done.thenAccept(r -> writer[0] = Thread.currentThread());
    endpoint.receiveDigit('#');
    seen.get(5, TimeUnit.SECONDS);
    assertTrue(writer[0].isVirtual(), "completed by the writer thread, not " + writer[0]);
  }

  private RtpStreamer phone(int packetSamples) {
    return new RtpStreamer(channel, PHONE_A, endpoint.codec(), packetSamples, 0x5151);
  }

  private static Recording await(CompletableFuture<Recording> done) throws Exception {
    return done.get(5, TimeUnit.SECONDS);
  }
}
