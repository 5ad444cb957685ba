package org.hotline.sip.media.prompt;

import static org.hotline.sip.media.RtpFixtures.PHONE_A;
import static org.hotline.sip.media.RtpFixtures.tone;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.core.media.Prompt;
import org.hotline.sip.media.Codec;
import org.hotline.sip.media.MediaMetrics;
import org.hotline.sip.media.g711.G711;
import org.hotline.sip.media.rtp.LegCounters;
import org.hotline.sip.media.rtp.RtpPacket;
import org.hotline.sip.media.rtp.RtpSender;
import org.hotline.sip.media.rtp.SourceLatch;
import org.hotline.sip.media.rtp.StreamRewriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The player on an embedded channel whose clock the test moves: no sleeping. */
class PromptPlayerTest {

  private static final Prompt WELCOME = new Prompt("en", "welcome");

  private final EmbeddedChannel channel = new EmbeddedChannel();
  private final LegCounters counters = new LegCounters(new MediaMetrics(new SimpleMeterRegistry()));
  private RtpSender sender;
  private PromptPlayer player;
  private final EncodedPrompt threeFrames = EncodedPrompt.encode(WELCOME, tone(400), Codec.PCMU);

  @BeforeEach
  void setUp() {
    channel.freezeTime();
    SourceLatch latch = new SourceLatch(counters);
    latch.expect(PHONE_A);
    sender =
        new RtpSender(channel, latch, new StreamRewriter(99, 10, 1000, System::nanoTime), counters);
    player = new PromptPlayer(channel.eventLoop(), sender);
  }

  @AfterEach
  void nothingLeftOver() {
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void prompt_goesOutAsOneFrameEvery20ms_thenCompletes() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    player.play(threeFrames, false, false, done);

    channel.runPendingTasks();
    assertFrame(channel.readOutbound(), 10, 1000, true, 0);
    assertNull(channel.readOutbound(), "nothing before the next 20 ms");

    tick();
    assertFrame(channel.readOutbound(), 11, 1160, false, 1);
    tick();
    assertFrame(channel.readOutbound(), 12, 1320, false, 2);
    assertFalse(done.isDone(), "the last frame still has to play out");

    tick();
    assertTrue(done.isDone());
    assertNull(channel.readOutbound());
    tick();
    assertNull(channel.readOutbound());
  }

  @Test
  void lastFrame_isPaddedWithSilence() {
    EncodedPrompt partial = EncodedPrompt.encode(WELCOME, tone(200), Codec.PCMA);
    assertEquals(2, partial.frameCount());
    byte[] last = partial.frame(1);
    assertEquals(Codec.PCMA.silence(), last[159]);
    assertEquals(G711.linearToAlaw(tone(200)[199]), last[39]);
  }

  @Test
  void loop_repeatsWithoutANewTalkspurt() {
    player.play(threeFrames, true, false, new CompletableFuture<>());
    channel.runPendingTasks();
    for (int i = 0; i < 3; i++) {
      release(channel.readOutbound());
      tick();
    }
    assertFrame(channel.readOutbound(), 13, 1000 + 3 * 160, false, 0);
    player.stop();
  }

  @Test
  void bargeIn_digitStopsThePrompt() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    player.play(threeFrames, false, true, done);
    channel.runPendingTasks();
    release(channel.readOutbound());

    player.digitPressed();
    assertTrue(done.isDone());
    tick();
    assertNull(channel.readOutbound());
  }

  @Test
  void withoutBargeIn_digitsDoNotStopThePrompt() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    player.play(threeFrames, false, false, done);
    player.digitPressed();
    assertFalse(done.isDone());
    player.stop();
    assertTrue(done.isDone());
    channel.releaseOutbound();
  }

  @Test
  void newPrompt_replacesTheOldOne_andCompletesIt() {
    CompletableFuture<Void> first = new CompletableFuture<>();
    CompletableFuture<Void> second = new CompletableFuture<>();
    player.play(threeFrames, false, false, first);
    channel.runPendingTasks();
    release(channel.readOutbound());
    player.play(threeFrames, false, false, second);
    assertTrue(first.isDone());
    assertFalse(second.isDone());
    channel.runPendingTasks();
    DatagramPacket restart = channel.readOutbound();
    assertTrue(RtpPacket.marker(restart.content()), "a new prompt starts a talkspurt");
    release(restart);
    player.stop();
  }

  @Test
  void promptInTheOtherLaw_isTranscodedOnTheWay() {
    sender.configure(Codec.PCMA, -1);
    player.play(threeFrames, false, false, new CompletableFuture<>());
    channel.runPendingTasks();
    DatagramPacket packet = channel.readOutbound();
    assertEquals(8, RtpPacket.payloadType(packet.content()));
    byte[] expected = threeFrames.frame(0);
    byte[] table = G711.transcodingTable(Codec.PCMU, Codec.PCMA);
    for (int i = 0; i < expected.length; i++) {
      expected[i] = table[expected[i] & 0xFF];
    }
    assertArrayEquals(expected, ByteBufUtil.getBytes(packet.content(), 12, 160));
    release(packet);
    player.stop();
  }

  private void tick() {
    channel.advanceTimeBy(20, TimeUnit.MILLISECONDS);
    channel.runPendingTasks();
  }

  private void assertFrame(DatagramPacket packet, int seq, int ts, boolean marker, int frame) {
    ByteBuf buf = packet.content();
    assertEquals(PHONE_A, packet.recipient());
    assertEquals(172, buf.readableBytes());
    assertEquals(2, RtpPacket.version(buf));
    assertEquals(0, RtpPacket.payloadType(buf));
    assertEquals(99, RtpPacket.ssrc(buf));
    assertEquals(seq, RtpPacket.sequence(buf), "sequence");
    assertEquals(ts, RtpPacket.timestamp(buf), "timestamp");
    assertEquals(marker, RtpPacket.marker(buf), "marker");
    assertArrayEquals(threeFrames.frame(frame), ByteBufUtil.getBytes(buf, 12, 160));
    packet.release();
  }

  private static void release(DatagramPacket packet) {
    packet.release();
  }
}
