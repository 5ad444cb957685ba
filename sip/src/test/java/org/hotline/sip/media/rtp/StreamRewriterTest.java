package org.hotline.sip.media.rtp;

import static org.hotline.sip.media.RtpFixtures.frame;
import static org.hotline.sip.media.RtpFixtures.rtp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamRewriterTest {

  private static final int SSRC = 0x0A0B0C0D;
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final StreamRewriter stream = new StreamRewriter(SSRC, 65534, 1000, nanos::get);

  @Test
  void ownFrames_countSequenceByOneAndTimestampBy160_markerOnTheFirst() {
    ByteBuf first = own(true);
    ByteBuf second = own(false);
    ByteBuf third = own(false);

    assertHeader(first, 65534, 1000, true);
    assertHeader(second, 65535, 1160, false);
    assertHeader(third, 0, 1320, false);
    release(first, second, third);
  }

  @Test
  void newTalkspurt_advancesTheTimestampByTheSilenceElapsed() {
    ByteBuf first = own(true);
    nanos.addAndGet(1_000_000_000L); // one second of silence: 8000 samples
    ByteBuf next = own(true);

    assertHeader(next, 65535, 1000 + 8000, true);
    release(first, next);
  }

  @Test
  void relayedPackets_continueOurStream_withTheirOwnSpacing() {
    ByteBuf prompt = own(true);
    nanos.addAndGet(40_000_000L); // 40 ms later
    ByteBuf a = rtp(0, 500, 90_000, 0x77, false, frame(0));
    ByteBuf b = rtp(0, 501, 90_160, 0x77, false, frame(0));
    ByteBuf c = rtp(0, 503, 90_480, 0x77, false, frame(0)); // 502 lost
    stream.rewriteRelayed(a);
    stream.rewriteRelayed(b);
    stream.rewriteRelayed(c);

    assertHeader(a, 65535, 1000 + 320, true);
    assertHeader(b, 0, 1000 + 480, false);
    assertHeader(c, 2, 1000 + 800, false);
    release(prompt, a, b, c);
  }

  @ParameterizedTest(name = "{0} samples per packet")
  @ValueSource(ints = {80, 160, 240, 320, 480})
  void relayedPacketsOfAnySize_keepTheirSpacing_andOurOwnFramesFollowOn(int samples) {
    ByteBuf prompt = own(true);
    nanos.addAndGet(20_000_000L);
    ByteBuf[] relayed = new ByteBuf[4];
    for (int i = 0; i < relayed.length; i++) {
      relayed[i] = rtp(0, 300 + i, 70_000 + samples * i, 0x77, false, new byte[samples]);
      stream.rewriteRelayed(relayed[i]);
    }
    for (int i = 1; i < relayed.length; i++) {
      assertEquals(
          (RtpPacket.sequence(relayed[i - 1]) + 1) & 0xFFFF, RtpPacket.sequence(relayed[i]));
      assertEquals(RtpPacket.timestamp(relayed[i - 1]) + samples, RtpPacket.timestamp(relayed[i]));
    }
    nanos.addAndGet(200_000_000L);
    ByteBuf next = own(true);
    assertEquals((RtpPacket.sequence(relayed[3]) + 1) & 0xFFFF, RtpPacket.sequence(next));
    assertEquals(
        RtpPacket.timestamp(relayed[3]) + 1600,
        RtpPacket.timestamp(next),
        "200 ms after the last relayed packet");
    release(prompt, next);
    release(relayed);
  }

  @Test
  void relayedSourceChangingSsrc_startsANewTalkspurt() {
    ByteBuf a = rtp(0, 10, 100, 0x77, false, frame(0));
    ByteBuf b = rtp(0, 9000, 777_777, 0x88, false, frame(0));
    stream.rewriteRelayed(a);
    nanos.addAndGet(20_000_000L);
    stream.rewriteRelayed(b);

    assertHeader(b, RtpPacket.sequence(a) + 1, RtpPacket.timestamp(a) + 160, true);
    release(a, b);
  }

  @Test
  void lateRelayedPacket_doesNotPullTheStreamBack() {
    ByteBuf a = rtp(0, 10, 100, 0x77, false, frame(0));
    ByteBuf b = rtp(0, 12, 420, 0x77, false, frame(0));
    ByteBuf late = rtp(0, 11, 260, 0x77, false, frame(0));
    stream.rewriteRelayed(a);
    stream.rewriteRelayed(b);
    stream.rewriteRelayed(late);
    ByteBuf own = own(false);

    assertEquals((RtpPacket.sequence(b) + 1) & 0xFFFF, RtpPacket.sequence(own));
    release(a, b, late, own);
  }

  @Test
  void relayAfterOurPrompt_resumesWithMarkerEvenForTheSameSource() {
    ByteBuf a = rtp(0, 10, 100, 0x77, false, frame(0));
    stream.rewriteRelayed(a);
    ByteBuf prompt = own(true);
    ByteBuf b = rtp(0, 11, 260, 0x77, false, frame(0));
    stream.rewriteRelayed(b);

    assertTrue(RtpPacket.marker(b));
    assertEquals((RtpPacket.sequence(prompt) + 1) & 0xFFFF, RtpPacket.sequence(b));
    release(a, prompt, b);
  }

  private ByteBuf own(boolean talkspurtStart) {
    ByteBuf out = Unpooled.buffer();
    stream.writeOwnHeader(out, 0, talkspurtStart);
    return out;
  }

  private static void assertHeader(ByteBuf buf, int sequence, int timestamp, boolean marker) {
    assertEquals(SSRC, RtpPacket.ssrc(buf));
    assertEquals(sequence & 0xFFFF, RtpPacket.sequence(buf), "sequence");
    assertEquals(timestamp, RtpPacket.timestamp(buf), "timestamp");
    if (marker) {
      assertTrue(RtpPacket.marker(buf), "marker");
    } else {
      assertFalse(RtpPacket.marker(buf), "marker");
    }
  }

  private static void release(ByteBuf... bufs) {
    for (ByteBuf buf : bufs) {
      buf.release();
    }
  }
}
