package org.hotline.sip.media.rtp;

import static org.hotline.sip.media.RtpFixtures.PHONE_A;
import static org.hotline.sip.media.RtpFixtures.PHONE_B;
import static org.hotline.sip.media.RtpFixtures.datagram;
import static org.hotline.sip.media.RtpFixtures.frame;
import static org.hotline.sip.media.RtpFixtures.rtp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.hotline.sip.media.MediaMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SourceLatchTest {

  private static final InetSocketAddress NATTED = new InetSocketAddress("203.0.113.5", 61000);

  private final LegCounters counters = new LegCounters(new MediaMetrics(new SimpleMeterRegistry()));
  private final SourceLatch latch = new SourceLatch(counters);
  private final EmbeddedChannel channel = new EmbeddedChannel(latch);

  @AfterEach
  void nothingLeftOver() {
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void beforeAnyPacket_sendsToTheSignalledAddress() {
    latch.expect(PHONE_A);
    assertEquals(PHONE_A, latch.destination());
  }

  @Test
  void firstPacket_latchesToItsRealSource_symmetricRtp() {
    latch.expect(PHONE_A);
    receive(NATTED);
    assertEquals(NATTED, latch.destination());
  }

  @Test
  void afterLatching_otherSourcesAreDropped_strictRtp() {
    latch.expect(PHONE_A);
    receive(NATTED);
    ByteBuf stranger = rtp(0, 1, 2, 3, false, frame(0));
    channel.writeInbound(datagram(stranger, PHONE_B));

    assertNull(channel.readInbound());
    assertEquals(0, stranger.refCnt());
    assertEquals(1, counters.droppedCount());
    assertEquals(NATTED, latch.destination());
  }

  @Test
  void sameSignalledAddressAgain_keepsTheLatch() {
    latch.expect(PHONE_A);
    receive(NATTED);
    latch.expect(PHONE_A);
    assertEquals(NATTED, latch.destination());
  }

  @Test
  void newSignalledAddress_unlatches() {
    latch.expect(PHONE_A);
    receive(NATTED);
    latch.expect(PHONE_B);
    assertEquals(PHONE_B, latch.destination());
    receive(PHONE_B);
    assertEquals(PHONE_B, latch.latched());
  }

  @Test
  void holdAddress_sendsNowhereUntilThePeerSends() {
    latch.expect(new InetSocketAddress("0.0.0.0", 5004));
    assertNull(latch.destination());
    receive(PHONE_A);
    assertEquals(PHONE_A, latch.destination());
  }

  @Test
  void packetBeforeSdp_latchesAndSurvivesTheFirstSignalledAddress() {
    receive(NATTED);
    latch.expect(PHONE_A);
    assertEquals(NATTED, latch.destination());
  }

  private void receive(InetSocketAddress from) {
    channel.writeInbound(datagram(rtp(0, 1, 2, 3, false, frame(0)), from));
    DatagramPacket passed = channel.readInbound();
    passed.release();
  }
}
