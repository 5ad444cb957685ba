package org.hotline.sip.media.audio;

import static org.hotline.sip.media.RtpFixtures.PHONE_A;
import static org.hotline.sip.media.RtpFixtures.datagram;
import static org.hotline.sip.media.RtpFixtures.event;
import static org.hotline.sip.media.RtpFixtures.rtp;
import static org.hotline.sip.media.RtpFixtures.rtpBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotline.sip.media.AudioFixtures;
import org.hotline.sip.media.Codec;
import org.hotline.sip.media.dtmf.InbandDtmfDetector;
import org.hotline.sip.media.record.Recorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AudioTapTest {

  private final AudioTap tap = new AudioTap();
  private final EmbeddedChannel channel = new EmbeddedChannel(tap);
  private final List<String> heard = new ArrayList<>();

  @AfterEach
  void nothingLeftOver() {
    DatagramPacket passed;
    while ((passed = channel.readInbound()) != null) {
      passed.release();
    }
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void decodesG711_withTheTimestampOfEachPiece_andPassesThePacketOnUntouched() {
    tap.setRecording(
        (ssrc, timestamp, samples, count) ->
            heard.add(ssrc + "@" + timestamp + ":" + count + ":" + samples[0]));
    byte[] payload = new byte[1000];
    java.util.Arrays.fill(payload, (byte) 0xFF); // mu-law zero
    payload[0] = (byte) 0x80; // mu-law: large positive
    payload[480] = (byte) 0x80;
    ByteBuf in = rtp(0, 1, 1000, 7, false, payload);
    String before = io.netty.buffer.ByteBufUtil.hexDump(in);
    channel.writeInbound(datagram(in, PHONE_A));

    assertEquals(List.of("7@1000:480:32124", "7@1480:480:32124", "7@1960:40:0"), heard);
    DatagramPacket passed = channel.readInbound();
    assertSame(in, passed.content());
    assertEquals(before, io.netty.buffer.ByteBufUtil.hexDump(in));
    passed.release();
  }

  @Test
  void eventsAndComfortNoise_areNotAudio() {
    tap.setDetector((ssrc, timestamp, samples, count) -> heard.add("audio"));
    channel.writeInbound(datagram(rtp(101, 1, 1000, 7, false, event(1, true, 400)), PHONE_A));
    channel.writeInbound(datagram(rtp(13, 2, 1000, 7, false, new byte[] {40}), PHONE_A));
    assertEquals(List.of(), heard);
  }

  @Test
  void detectorAndRecording_doNotAllocatePerPacket() throws Exception {
    InbandDtmfDetector detector = new InbandDtmfDetector(digit -> heard.add("digit"));
    Recorder recorder =
        new Recorder(Path.of("unused.wav"), Duration.ofMinutes(30), Duration.ZERO, "#", task -> {});
    tap.setDetector(detector);
    tap.setRecording(recorder);
    channel
        .pipeline()
        .addLast(
            new ChannelInboundHandlerAdapter() {
              @Override
              public void channelRead(ChannelHandlerContext ctx, Object msg) {
                // Keeps the packet: the test sends the same one again.
              }
            });
    short[] speech = AudioFixtures.withNoise(AudioFixtures.sine(700, -20, 20), -40, 5);
    // A plain heap buffer: the leak detector's wrapper would record every access.
    ByteBuf buf =
        Unpooled.wrappedBuffer(
            rtpBytes(0, 1, 0, 7, false, AudioFixtures.encode(Codec.PCMU, speech, 0, 160)));
    DatagramPacket packet = datagram(buf, PHONE_A);
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long threadId = Thread.currentThread().threadId();

    sendRepeatedly(packet, 20_000);
    long before = threads.getThreadAllocatedBytes(threadId);
    sendRepeatedly(packet, 60_000);
    long allocated = threads.getThreadAllocatedBytes(threadId) - before;

    // The smallest object takes 16 bytes: fewer than 1 byte per packet means none per packet
    // (what remains is the JVM's own, such as compilation and the measurement).
    assertTrue(allocated < 60_000, allocated + " bytes for 60,000 packets");
    assertEquals(Duration.ofSeconds(1600), recorder.length());
    packet.release();
  }

  private void sendRepeatedly(DatagramPacket packet, int times) {
    ByteBuf buf = packet.content();
    for (int i = 0; i < times; i++) {
      RtpPacketTimestamp.advance(buf, 160);
      channel.pipeline().fireChannelRead(packet);
    }
  }

  /** Moves the timestamp on, as the next packet of the stream would have it. */
  private static final class RtpPacketTimestamp {
    static void advance(ByteBuf buf, int samples) {
      buf.setInt(buf.readerIndex() + 4, buf.getInt(buf.readerIndex() + 4) + samples);
    }
  }
}
