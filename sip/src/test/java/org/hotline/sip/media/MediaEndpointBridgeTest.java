package org.hotline.sip.media;

import static org.hotline.sip.media.AudioFixtures.decode;
import static org.hotline.sip.media.AudioFixtures.rms;
import static org.hotline.sip.media.AudioFixtures.sine;
import static org.hotline.sip.media.AudioFixtures.toneShare;
import static org.hotline.sip.media.AudioFixtures.wav16OfTone;
import static org.hotline.sip.media.AudioFixtures.zeroCrossingHz;
import static org.hotline.sip.media.RtpFixtures.PHONE_A;
import static org.hotline.sip.media.RtpFixtures.PHONE_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.core.media.Prompt;
import org.hotline.sip.media.rtp.RtpPacket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two endpoints bridged on embedded channels: A's phone speaks PCMA, B's phone PCMU. */
class MediaEndpointBridgeTest {

  private static final Prompt MOH = new Prompt("en", "moh");

  @TempDir Path prompts;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MediaMetrics metrics = new MediaMetrics(registry);
  private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
  private EmbeddedChannel channelA;
  private EmbeddedChannel channelB;
  private MediaEndpoint a;
  private MediaEndpoint b;

  @BeforeEach
  void bridge() throws IOException {
    Files.createDirectories(prompts.resolve("en"));
    Files.write(prompts.resolve("en/moh.wav"), wav16OfTone(440, 1000));
    channelA = new EmbeddedChannel();
    channelB = new EmbeddedChannel();
    channelA.freezeTime();
    channelB.freezeTime();
    a = endpoint(channelA);
    b = endpoint(channelB);
    a.connect(PHONE_A, Codec.PCMA, 101);
    b.connect(PHONE_B, Codec.PCMU, 96);
    a.bridge(b);
  }

  @AfterEach
  void close() {
    a.close();
    b.close();
    assertFalse(channelA.finishAndReleaseAll());
    assertFalse(channelB.finishAndReleaseAll());
  }

  @Test
  void toneFromThePcmaPhone_reachesThePcmuPhone() {
    new RtpStreamer(channelA, PHONE_A, Codec.PCMA, 160, 0xA).send(sine(1000, -10, 200));
    assertToneArrives(channelB, Codec.PCMU, 10, 1000, -10);
  }

  @Test
  void toneFromThePcmuPhone_reachesThePcmaPhone() {
    new RtpStreamer(channelB, PHONE_B, Codec.PCMU, 160, 0xB).send(sine(1633, -20, 200));
    assertToneArrives(channelA, Codec.PCMA, 10, 1633, -20);
  }

  @ParameterizedTest(name = "{0} samples per packet")
  @ValueSource(ints = {80, 160, 240, 480})
  void packetsOf10To60Millis_relay_withTheirTimestampSpacing(int packetSamples) {
    new RtpStreamer(channelA, PHONE_A, Codec.PCMA, packetSamples, 0xA).send(sine(1000, -10, 240));

    int packets = 1920 / packetSamples;
    List<DatagramPacket> out = drain(channelB);
    assertEquals(packets, out.size());
    for (int i = 1; i < packets; i++) {
      var previous = out.get(i - 1).content();
      var p = out.get(i).content();
      assertEquals((RtpPacket.sequence(previous) + 1) & 0xFFFF, RtpPacket.sequence(p));
      assertEquals(RtpPacket.timestamp(previous) + packetSamples, RtpPacket.timestamp(p));
      assertEquals(12 + packetSamples, p.readableBytes());
      assertEquals(0, RtpPacket.payloadType(p));
    }
    out.forEach(DatagramPacket::release);
  }

  @Test
  void comfortNoise_isLife_butIsNotRelayed_norCountedAsDropped() {
    long before = a.lastReceivedNanos();
    nanos.addAndGet(1_000_000);
    new RtpStreamer(channelA, PHONE_A, Codec.PCMA, 160, 0xA).comfortNoise(160).comfortNoise(160);

    assertEquals(2, a.packetsReceived());
    assertTrue(a.lastReceivedNanos() > before);
    assertNull(channelB.readOutbound());
    assertEquals(0, a.packetsDropped());
    assertEquals(0, b.packetsDropped());
  }

  @Test
  void lastReceivedNanos_isTheTimeOfTheLastPacket_onEitherLeg() {
    long created = nanos.get();
    assertEquals(created, a.lastReceivedNanos(), "before any packet: creation");
    nanos.addAndGet(2_000_000_000L);
    new RtpStreamer(channelB, PHONE_B, Codec.PCMU, 160, 0xB).send(sine(500, -20, 20));
    drain(channelA).forEach(DatagramPacket::release);

    assertEquals(created + 2_000_000_000L, b.lastReceivedNanos());
    assertEquals(created, a.lastReceivedNanos(), "A's peer is silent");
  }

  @Test
  void playAndLoop_whileBridged_completeAtOnce_andSendNothing() {
    CompletableFuture<Void> played = a.play(MOH, false);
    a.loop(MOH);
    b.play(MOH, true);
    runTimers(100);

    assertTrue(played.isDone());
    assertNull(channelA.readOutbound());
    assertNull(channelB.readOutbound());
    new RtpStreamer(channelB, PHONE_B, Codec.PCMU, 160, 0xB).send(sine(500, -20, 20));
    List<DatagramPacket> relayed = drain(channelA);
    assertEquals(1, relayed.size(), "the conversation goes on");
    relayed.forEach(DatagramPacket::release);
  }

  @Test
  void holdMusic_playsWhileBridged_holdingBackTheOtherLeg_untilStopped() {
    a.holdMusic(MOH);
    runTimers(60);
    new RtpStreamer(channelB, PHONE_B, Codec.PCMU, 160, 0xB).send(sine(1000, -10, 100));
    List<DatagramPacket> music = drain(channelA);
    assertEquals(4, music.size(), "frames at 0, 20, 40 and 60 ms, and nothing relayed");
    for (DatagramPacket p : music) {
      short[] audio = decode(Codec.PCMA, payload(p));
      assertEquals(440, zeroCrossingHz(audio, 0, audio.length), 30);
      p.release();
    }

    a.stopHoldMusic();
    runTimers(100);
    assertNull(channelA.readOutbound(), "the music stopped");
    new RtpStreamer(channelB, PHONE_B, Codec.PCMU, 160, 0xC).send(sine(1000, -10, 20));
    List<DatagramPacket> resumed = drain(channelA);
    assertEquals(1, resumed.size());
    assertTrue(
        RtpPacket.marker(resumed.get(0).content()), "the conversation resumes as a talkspurt");
    resumed.forEach(DatagramPacket::release);
  }

  @Test
  void stopHoldMusic_leavesOtherPlaybackAlone() {
    a.unbridge();
    CompletableFuture<Void> prompt = a.play(MOH, false);
    a.stopHoldMusic();
    assertFalse(prompt.isDone());
    channelA.releaseOutbound();
  }

  @Test
  void inbandKeys_fromAPhoneWithoutTelephoneEvents_reachTheTypeAheadBuffer_whileBridged() {
    a.connect(PHONE_A, Codec.PCMA, -1);
    List<Character> heard = new ArrayList<>();
    a.setDtmfListener((endpoint, digit) -> heard.add(digit));
    new RtpStreamer(channelA, PHONE_A, Codec.PCMA, 160, 0xA)
        .send(AudioFixtures.concat(AudioFixtures.dtmf('7', 80), AudioFixtures.silence(60)));
    drain(channelB).forEach(DatagramPacket::release);

    assertEquals(List.of('7'), heard);
    assertEquals(Optional.of('7'), a.nextDigit(java.time.Duration.ZERO).join());
  }

  private void assertToneArrives(
      EmbeddedChannel to, Codec expected, int packets, double hz, double dbm0) {
    List<DatagramPacket> out = drain(to);
    assertEquals(packets, out.size());
    short[] audio = new short[160 * packets];
    for (int i = 0; i < packets; i++) {
      var content = out.get(i).content();
      assertEquals(expected.payloadType(), RtpPacket.payloadType(content));
      short[] frame = decode(expected, payload(out.get(i)));
      System.arraycopy(frame, 0, audio, 160 * i, 160);
      out.get(i).release();
    }
    assertEquals(hz, zeroCrossingHz(audio, 0, audio.length), hz * 0.01);
    assertTrue(toneShare(audio, 0, audio.length, hz) > 0.95);
    double expectedRms = AudioFixtures.amplitude(dbm0) / Math.sqrt(2);
    assertEquals(
        expectedRms,
        rms(audio, 0, audio.length),
        expectedRms * 0.05,
        "two law conversions keep the level within 0.5 dB");
  }

  private static byte[] payload(DatagramPacket packet) {
    var content = packet.content();
    return ByteBufUtil.getBytes(content, content.readerIndex() + 12, content.readableBytes() - 12);
  }

  private static List<DatagramPacket> drain(EmbeddedChannel channel) {
    List<DatagramPacket> out = new ArrayList<>();
    DatagramPacket p;
    while ((p = channel.readOutbound()) != null) {
      out.add(p);
    }
    return out;
  }

  private void runTimers(long millis) {
    for (long t = 0; t <= millis; t += 20) {
      channelA.runPendingTasks();
      channelB.runPendingTasks();
      if (t < millis) {
        channelA.advanceTimeBy(20, TimeUnit.MILLISECONDS);
        channelB.advanceTimeBy(20, TimeUnit.MILLISECONDS);
      }
    }
  }

  private MediaEndpoint endpoint(EmbeddedChannel channel) {
    return new MediaEndpoint(
        channel, 40000, new PromptLibrary(Optional.of(prompts)), metrics, nanos::get, e -> {});
  }
}
