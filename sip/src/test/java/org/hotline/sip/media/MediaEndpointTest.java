package org.hotline.sip.media;

import static org.hotline.sip.media.RtpFixtures.PHONE_A;
import static org.hotline.sip.media.RtpFixtures.datagram;
import static org.hotline.sip.media.RtpFixtures.event;
import static org.hotline.sip.media.RtpFixtures.rtp;
import static org.hotline.sip.media.RtpFixtures.tone;
import static org.hotline.sip.media.RtpFixtures.wav16;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.core.media.MediaSession;
import org.hotline.core.media.Prompt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An endpoint on an embedded channel: the event loop runs when the test says so. */
class MediaEndpointTest {

  private static final Prompt MENU = new Prompt("en", "menu");

  @TempDir Path prompts;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MediaMetrics metrics = new MediaMetrics(registry);
  private final List<MediaEndpoint> released = new ArrayList<>();
  private EmbeddedChannel channel;
  private MediaEndpoint endpoint;

  @BeforeEach
  void open() throws IOException {
    Files.createDirectories(prompts.resolve("en"));
    Files.write(prompts.resolve("en/menu.wav"), wav16(tone(1600)));
    channel = new EmbeddedChannel();
    channel.freezeTime();
    endpoint = newEndpoint(channel);
    endpoint.connect(PHONE_A, Codec.PCMU, 101);
  }

  @AfterEach
  void close() {
    endpoint.close();
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void missingPrompt_completesAtOnce() {
    CompletableFuture<Void> done = endpoint.play(new Prompt("en", "nope"), true);
    assertTrue(done.isDone());
    assertEquals(0, endpoint.packetsSent());
  }

  @Test
  void rfc4733Digit_bargesIntoAPrompt_andStaysBuffered() {
    CompletableFuture<Void> done = endpoint.play(MENU, true);
    channel.runPendingTasks();
    assertEquals(1, endpoint.packetsSent());

    sendDigit('#', 11);
    assertTrue(done.isDone(), "barge-in stopped the prompt");
    assertEquals(Optional.of('#'), endpoint.nextDigit(Duration.ZERO).join());
    assertEquals(1.0, registry.get("hotline.dtmf.digits").counter().count());
    channel.releaseOutbound();
  }

  @Test
  void digitPressedBeforeABargeInPrompt_skipsIt_andStaysBuffered() {
    endpoint.receiveDigit('1');
    channel.runPendingTasks();
    CompletableFuture<Void> done = endpoint.play(MENU, true);
    channel.runPendingTasks();
    assertTrue(done.isDone(), "type-ahead skipped the prompt");
    assertEquals(0, endpoint.packetsSent());
    assertEquals(Optional.of('1'), endpoint.nextDigit(Duration.ZERO).join());
  }

  @Test
  void promptWithoutBargeIn_playsOnThroughDigits() {
    CompletableFuture<Void> done = endpoint.play(MENU, false);
    channel.runPendingTasks();
    sendDigit('1', 1);
    assertFalse(done.isDone());
    assertEquals(Optional.of('1'), endpoint.nextDigit(Duration.ZERO).join());
    endpoint.stopPlayback();
    assertTrue(done.isDone());
    channel.releaseOutbound();
  }

  @Test
  void nextDigit_waitsForTheDigit_orTimesOut() {
    CompletableFuture<Optional<Character>> digit = endpoint.nextDigit(Duration.ofSeconds(3));
    endpoint.receiveDigit('7');
    assertEquals(Optional.of('7'), digit.join());

    CompletableFuture<Optional<Character>> none = endpoint.nextDigit(Duration.ofSeconds(3));
    channel.advanceTimeBy(3, TimeUnit.SECONDS);
    channel.runPendingTasks();
    assertEquals(Optional.empty(), none.join());
  }

  @Test
  void dtmfListener_hearsEveryDigit() {
    List<Character> heard = new ArrayList<>();
    endpoint.setDtmfListener((source, digit) -> heard.add(digit));
    endpoint.receiveDigit('1');
    sendDigit('2', 2);
    assertEquals(List.of('1', '2'), heard);
  }

  @Test
  void receiveDigit_refusesWhatIsNotADigit() {
    assertThrows(IllegalArgumentException.class, () -> endpoint.receiveDigit('x'));
  }

  @Test
  void close_completesPendingFutures_releasesThePort_andIsIdempotent() {
    CompletableFuture<Void> playing = endpoint.play(MENU, false);
    CompletableFuture<Optional<Character>> digit = endpoint.nextDigit(Duration.ofSeconds(10));
    channel.runPendingTasks();

    endpoint.close();
    endpoint.close();

    assertTrue(playing.isDone());
    assertEquals(Optional.empty(), digit.join());
    assertFalse(endpoint.isOpen());
    assertEquals(List.of(endpoint), released);
    assertTrue(endpoint.play(MENU, false).isDone(), "nothing plays after close");
    assertEquals(Optional.empty(), endpoint.nextDigit(Duration.ofSeconds(1)).join());
    channel.releaseOutbound();
  }

  @Test
  void bridge_stopsPlaybackOnBothLegs() {
    EmbeddedChannel otherChannel = new EmbeddedChannel();
    MediaEndpoint other = newEndpoint(otherChannel);
    other.connect(RtpFixtures.PHONE_B, Codec.PCMA, -1);
    CompletableFuture<Void> mine = endpoint.play(MENU, false);
    CompletableFuture<Void> theirs = other.play(MENU, false);

    endpoint.bridge(other);

    assertTrue(mine.isDone());
    assertTrue(theirs.isDone());
    other.close();
    otherChannel.finishAndReleaseAll();
    channel.releaseOutbound();
  }

  @Test
  void bridge_toSomethingElse_isRefused() {
    MediaSession stranger =
        (MediaSession)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {MediaSession.class},
                (proxy, method, args) -> null);
    assertThrows(IllegalArgumentException.class, () -> endpoint.bridge(stranger));
    assertThrows(IllegalArgumentException.class, () -> endpoint.bridge(endpoint));
  }

  @Test
  void sendDisabled_holdsBackPrompts() {
    endpoint.setSendEnabled(false);
    endpoint.play(MENU, false);
    channel.runPendingTasks();
    assertEquals(0, endpoint.packetsSent());
    endpoint.setSendEnabled(true);
    channel.advanceTimeBy(20, TimeUnit.MILLISECONDS);
    channel.runPendingTasks();
    assertEquals(1, endpoint.packetsSent());
    DatagramPacket resumed = channel.readOutbound();
    assertNotNull(resumed);
    assertTrue(org.hotline.sip.media.rtp.RtpPacket.marker(resumed.content()));
    resumed.release();
  }

  @Test
  void prompt_playsIn20MsFrames_whileThePeerSends60MsPackets() {
    CompletableFuture<Void> done = endpoint.play(MENU, false);
    RtpStreamer phone = new RtpStreamer(channel, PHONE_A, Codec.PCMU, 480, 9);
    for (int i = 0; i < 4; i++) {
      channel.runPendingTasks();
      phone.send(tone(480));
      channel.advanceTimeBy(20, TimeUnit.MILLISECONDS);
    }
    channel.runPendingTasks();

    assertEquals(4, endpoint.packetsReceived());
    assertEquals(5, endpoint.packetsSent());
    for (int i = 0; i < 5; i++) {
      DatagramPacket frame = channel.readOutbound();
      assertEquals(12 + 160, frame.content().readableBytes());
      frame.release();
    }
    assertFalse(done.isDone());
  }

  private MediaEndpoint newEndpoint(EmbeddedChannel on) {
    return new MediaEndpoint(
        on,
        40000,
        new PromptLibrary(Optional.of(prompts)),
        metrics,
        System::nanoTime,
        released::add);
  }

  private void sendDigit(char digit, int code) {
    int ts = 8000 * (code + 1);
    channel.writeInbound(
        datagram(rtp(101, code * 10, ts, 5, true, event(code, false, 160)), PHONE_A));
    for (int i = 0; i < 3; i++) {
      channel.writeInbound(
          datagram(rtp(101, code * 10 + 1 + i, ts, 5, false, event(code, true, 800)), PHONE_A));
    }
  }
}
