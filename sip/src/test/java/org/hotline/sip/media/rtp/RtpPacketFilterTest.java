package org.hotline.sip.media.rtp;

import static org.hotline.sip.media.RtpFixtures.PHONE_A;
import static org.hotline.sip.media.RtpFixtures.datagram;
import static org.hotline.sip.media.RtpFixtures.frame;
import static org.hotline.sip.media.RtpFixtures.rtp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import org.hotline.sip.media.MediaMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RtpPacketFilterTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final LegCounters counters = new LegCounters(new MediaMetrics(registry));
  private final EmbeddedChannel channel = new EmbeddedChannel(new RtpPacketFilter(counters));

  @AfterEach
  void nothingLeftOver() {
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void rtpPacket_passesUnchanged() {
    ByteBuf buf = rtp(0, 1, 160, 7, true, frame(0xFF));
    channel.writeInbound(datagram(buf, PHONE_A));

    DatagramPacket passed = channel.readInbound();
    assertSame(buf, passed.content());
    passed.release();
    assertEquals(0, counters.droppedCount());
  }

  @Test
  void tooShort_isDroppedCountedAndReleased() {
    assertDropped(Unpooled.directBuffer().writeBytes(new byte[] {(byte) 0x80, 0, 0, 1}), "not-rtp");
  }

  @Test
  void otherVersion_isDropped() {
    ByteBuf stun = rtp(0, 1, 2, 3, false, frame(0));
    stun.setByte(0, 0x00); // STUN and DTLS start with version bits 00
    assertDropped(stun, "not-rtp");
  }

  @Test
  void rtcpOnTheRtpPort_isIgnoredQuietly_notCountedAsDropped() {
    for (int packetType = 200; packetType <= 204; packetType++) {
      ByteBuf rtcp =
          Unpooled.directBuffer()
              .writeByte(0x80)
              .writeByte(packetType)
              .writeShort(6)
              .writeInt(1)
              .writeLong(0)
              .writeLong(0)
              .writeInt(0);
      channel.writeInbound(datagram(rtcp, PHONE_A));
      assertNull(channel.readInbound(), "not passed on, so never relayed");
      assertEquals(0, rtcp.refCnt());
    }
    assertEquals(0, counters.droppedCount());
    assertEquals(0, counters.receivedCount());
    assertEquals(5, counters.rtcpIgnoredCount());
    assertEquals(5.0, registry.get("hotline.rtp.rtcp.ignored").counter().count());
    assertEquals(
        0.0,
        registry.get("hotline.rtp.packets.dropped").counters().stream()
            .mapToDouble(c -> c.count())
            .sum());
  }

  @Test
  void comfortNoise_passesAsRtp() {
    ByteBuf cn = rtp(13, 1, 160, 7, false, new byte[] {40});
    channel.writeInbound(datagram(cn, PHONE_A));

    DatagramPacket passed = channel.readInbound();
    assertSame(cn, passed.content());
    passed.release();
    assertEquals(0, counters.droppedCount());
  }

  @Test
  void inconsistentPadding_isDropped() {
    ByteBuf buf = rtp(0, 1, 2, 3, false, new byte[] {1, 2, (byte) 200});
    buf.setByte(0, 0x80 | 0x20);
    assertDropped(buf, "not-rtp");
  }

  private void assertDropped(ByteBuf buf, String reason) {
    channel.writeInbound(datagram(buf, PHONE_A));
    assertNull(channel.readInbound());
    assertEquals(0, buf.refCnt());
    assertEquals(1, counters.droppedCount());
    assertEquals(
        1.0, registry.get("hotline.rtp.packets.dropped").tag("reason", reason).counter().count());
  }
}
