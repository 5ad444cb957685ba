package org.hotline.sip.media.rtp;

import static org.hotline.sip.media.RtpFixtures.PHONE_A;
import static org.hotline.sip.media.RtpFixtures.PHONE_B;
import static org.hotline.sip.media.RtpFixtures.datagram;
import static org.hotline.sip.media.RtpFixtures.event;
import static org.hotline.sip.media.RtpFixtures.frame;
import static org.hotline.sip.media.RtpFixtures.rtp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.util.ArrayList;
import java.util.List;
import org.hotline.sip.media.Codec;
import org.hotline.sip.media.MediaMetrics;
import org.hotline.sip.media.audio.AudioTap;
import org.hotline.sip.media.dtmf.DtmfEventReader;
import org.hotline.sip.media.g711.G711;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leg A's inbound path relaying to leg B's sender, both on embedded channels. */
class RelayTest {

  private static final int B_SSRC = 0x0B0B0B0B;

  private final MediaMetrics metrics = new MediaMetrics(new SimpleMeterRegistry());
  private final List<Character> digitsOnA = new ArrayList<>();
  private EmbeddedChannel legA;
  private EmbeddedChannel legB;
  private RtpSender senderA;
  private RtpSender senderB;
  private LegCounters countersB;

  @BeforeEach
  void bridge() {
    legA = new EmbeddedChannel();
    legB = new EmbeddedChannel();
    LegCounters countersA = new LegCounters(metrics);
    countersB = new LegCounters(metrics);
    SourceLatch latchA = new SourceLatch(countersA);
    SourceLatch latchB = new SourceLatch(countersB);
    latchA.expect(PHONE_A);
    latchB.expect(PHONE_B);
    senderA = new RtpSender(legA, latchA, new StreamRewriter(0x0A0A0A0A, 1, 1, () -> 0), countersA);
    senderB =
        new RtpSender(legB, latchB, new StreamRewriter(B_SSRC, 7000, 50_000, () -> 0), countersB);
    senderA.configure(Codec.PCMU, 101);
    senderB.configure(Codec.PCMU, 96);
    DtmfEventReader dtmf = new DtmfEventReader(digitsOnA::add);
    dtmf.setPayloadType(101);
    Relay relay = new Relay(countersA, senderA);
    relay.setTarget(senderB);
    legA.pipeline()
        .addLast(
            new RtpChannelInitializer(
                new RtpPacketFilter(countersA), latchA, dtmf, new AudioTap(), relay));
  }

  @AfterEach
  void nothingLeftOver() {
    assertFalse(legA.finishAndReleaseAll());
    assertFalse(legB.finishAndReleaseAll());
  }

  @Test
  void bridge_relaysTheSameBufferWithRewrittenHeader() {
    ByteBuf in = rtp(0, 1234, 99_000, 0x5555, false, frame(0x42));
    legA.writeInbound(datagram(in, PHONE_A));

    DatagramPacket out = legB.readOutbound();
    assertSame(in, out.content(), "the buffer that came in is the one that goes out");
    assertEquals(PHONE_B, out.recipient());
    assertEquals(B_SSRC, RtpPacket.ssrc(in));
    assertEquals(7000, RtpPacket.sequence(in));
    assertEquals(50_000, RtpPacket.timestamp(in));
    assertTrue(RtpPacket.marker(in), "first relayed packet starts a talkspurt");
    assertEquals(0x42, in.getByte(12 + 17));
    out.release();
    assertEquals(0, in.refCnt());
  }

  @Test
  void bridge_keepsContinuityAcrossPackets() {
    legA.writeInbound(datagram(rtp(0, 1234, 99_000, 0x5555, false, frame(1)), PHONE_A));
    legA.writeInbound(datagram(rtp(0, 1235, 99_160, 0x5555, false, frame(1)), PHONE_A));

    DatagramPacket first = legB.readOutbound();
    DatagramPacket second = legB.readOutbound();
    assertEquals(7001, RtpPacket.sequence(second.content()));
    assertEquals(50_160, RtpPacket.timestamp(second.content()));
    assertFalse(RtpPacket.marker(second.content()));
    first.release();
    second.release();
  }

  @Test
  void bridge_betweenLaws_transcodesInPlace() {
    senderB.configure(Codec.PCMA, 96);
    byte[] payload = frame(0x80);
    payload[0] = (byte) 0xFF;
    ByteBuf in = rtp(0, 1, 1, 0x5555, false, payload);
    int sizeBefore = in.readableBytes();
    legA.writeInbound(datagram(in, PHONE_A));

    DatagramPacket out = legB.readOutbound();
    assertSame(in, out.content());
    assertEquals(sizeBefore, in.readableBytes());
    assertEquals(8, RtpPacket.payloadType(in));
    assertEquals((byte) 0xD5, in.getByte(12), "mu-law silence became A-law silence");
    assertEquals(G711.linearToAlaw(G711.ulawToLinear((byte) 0x80)), in.getByte(13));
    out.release();
  }

  @Test
  void bridge_betweenLaws_transcodesPayloadsOfAnyLength() {
    senderB.configure(Codec.PCMA, 96);
    byte[] payload = new byte[1000];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) i;
    }
    ByteBuf in = rtp(0, 1, 1, 0x5555, false, payload);
    legA.writeInbound(datagram(in, PHONE_A));

    DatagramPacket out = legB.readOutbound();
    byte[] table = G711.transcodingTable(Codec.PCMU, Codec.PCMA);
    for (int i = 0; i < payload.length; i++) {
      assertEquals(table[i & 0xFF], in.getByte(12 + i), "byte " + i);
    }
    out.release();
  }

  @Test
  void bridge_mapsTelephoneEventsToTheOtherLegsPayloadType() {
    ByteBuf in = rtp(101, 50, 8000, 0x5555, true, event(5, true, 800));
    legA.writeInbound(datagram(in, PHONE_A));

    DatagramPacket out = legB.readOutbound();
    assertSame(in, out.content());
    assertEquals(96, RtpPacket.payloadType(in));
    assertEquals(List.of('5'), digitsOnA, "the digit also goes into leg A's buffer");
    assertEquals("05", ByteBufUtil.hexDump(in, 12, 1));
    out.release();
  }

  @Test
  void bridge_dropsTelephoneEventsWhenTheOtherLegHasNone() {
    senderB.configure(Codec.PCMU, -1);
    ByteBuf in = rtp(101, 50, 8000, 0x5555, true, event(5, true, 800));
    legA.writeInbound(datagram(in, PHONE_A));

    assertNull(legB.readOutbound());
    assertEquals(0, in.refCnt());
    assertEquals(1, countersB.droppedCount());
  }

  @Test
  void bridge_dropsPayloadsTheOtherLegCannotTake() {
    ByteBuf g729 = rtp(18, 50, 8000, 0x5555, false, new byte[20]);
    legA.writeInbound(datagram(g729, PHONE_A));

    assertNull(legB.readOutbound());
    assertEquals(0, g729.refCnt());
    assertEquals(1, countersB.droppedCount());
  }

  @Test
  void comfortNoise_isNotRelayed_norCountedAsDropped() {
    ByteBuf comfortNoise = rtp(13, 50, 8000, 0x5555, false, new byte[] {40});
    legA.writeInbound(datagram(comfortNoise, PHONE_A));

    assertNull(legB.readOutbound());
    assertEquals(0, comfortNoise.refCnt());
    assertEquals(0, countersB.droppedCount());
    assertEquals(0, countersB.sentCount());
  }

  @Test
  void relayAfterComfortNoise_resumesWithTheTimestampOfThePause() {
    legA.writeInbound(datagram(rtp(0, 1, 1000, 0x5555, false, frame(1)), PHONE_A));
    legA.writeInbound(datagram(rtp(13, 2, 1160, 0x5555, false, new byte[] {40}), PHONE_A));
    legA.writeInbound(datagram(rtp(0, 3, 9160, 0x5555, true, frame(1)), PHONE_A));

    DatagramPacket first = legB.readOutbound();
    DatagramPacket afterPause = legB.readOutbound();
    assertEquals(
        RtpPacket.timestamp(first.content()) + 8160, RtpPacket.timestamp(afterPause.content()));
    first.release();
    afterPause.release();
  }

  @Test
  void whilePromptPlaysOnB_relayedAudioIsHeldBack() {
    senderB.setLocalMediaActive(true);
    ByteBuf in = rtp(0, 1, 1, 0x5555, false, frame(1));
    legA.writeInbound(datagram(in, PHONE_A));

    assertNull(legB.readOutbound());
    assertEquals(0, in.refCnt());
  }

  @Test
  void withoutBridge_packetsAreCountedAndReleased() {
    Relay unbridged = legA.pipeline().get(Relay.class);
    unbridged.setTarget(null);
    ByteBuf in = rtp(0, 1, 1, 0x5555, false, frame(1));
    legA.writeInbound(datagram(in, PHONE_A));

    assertEquals(0, in.refCnt());
    assertNull(legB.readOutbound());
  }
}
