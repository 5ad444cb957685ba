package org.hotline.sip.media.dtmf;

import static org.hotline.sip.media.RtpFixtures.PHONE_A;
import static org.hotline.sip.media.RtpFixtures.datagram;
import static org.hotline.sip.media.RtpFixtures.event;
import static org.hotline.sip.media.RtpFixtures.frame;
import static org.hotline.sip.media.RtpFixtures.rtp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DtmfEventReaderTest {

  private static final int PT = 101;
  private static final int SSRC = 0x1234;

  private final List<Character> digits = new ArrayList<>();
  private final DtmfEventReader reader = new DtmfEventReader(digits::add);
  private final EmbeddedChannel channel = new EmbeddedChannel(reader);
  private int sequence = 100;

  @BeforeEach
  void negotiate() {
    reader.setPayloadType(PT);
  }

  @AfterEach
  void everyPacketPassedOnAndReleased() {
    DatagramPacket passed;
    while ((passed = channel.readInbound()) != null) {
      passed.release();
    }
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void keyPress_isReportedOnce_despiteTheThreeEndPackets() {
    press(8000, 7, 480);
    assertEquals(List.of('7'), digits);
  }

  @Test
  void digit_isReportedWhenTheEventEnds_notBefore() {
    send(8000, 1, false, 160);
    send(8000, 1, false, 320);
    assertEquals(List.of(), digits);
    send(8000, 1, true, 480);
    assertEquals(List.of('1'), digits);
  }

  @Test
  void sameDigitTwice_isTwoPresses() {
    press(8000, 3, 480);
    press(16000, 3, 480);
    assertEquals(List.of('3', '3'), digits);
  }

  @Test
  void eventWhoseStartWasLost_isStillReported() {
    send(8000, 9, true, 800);
    send(8000, 9, true, 800);
    assertEquals(List.of('9'), digits);
  }

  @Test
  void eventWhoseEndPacketsWereAllLost_isReportedWhenTheNextOneBegins() {
    send(8000, 4, false, 160);
    send(8000, 4, false, 320);
    send(16000, 2, false, 160);
    assertEquals(List.of('4'), digits);
    send(16000, 2, true, 320);
    assertEquals(List.of('4', '2'), digits);
  }

  @Test
  void newEventWithTheSameTimestamp_isADuplicate() {
    press(8000, 5, 480);
    send(8000, 6, false, 160);
    send(8000, 6, true, 320);
    assertEquals(List.of('5'), digits);
  }

  @Test
  void lateEndPacketOfAnEarlierEvent_isNotReportedAgain() {
    press(8000, 1, 480);
    send(16000, 2, false, 160);
    send(8000, 1, true, 480);
    send(16000, 2, true, 320);
    assertEquals(List.of('1', '2'), digits);
  }

  @Test
  void longEventSplitIntoSegments_isOneKeyPress() {
    // RFC 4733 section 2.5.1.3: a new segment's timestamp is the previous one plus its duration.
    send(8000, 0, false, 0xFFFF);
    send(8000 + 0xFFFF, 0, false, 1000);
    send(8000 + 0xFFFF, 0, true, 2000);
    send(8000 + 0xFFFF, 0, true, 2000);
    assertEquals(List.of('0'), digits);
  }

  @Test
  void repeatedStartAndUpdatePackets_reportNothingUntilTheEnd() {
    send(8000, 8, false, 160);
    send(8000, 8, false, 160);
    send(8000, 8, false, 320);
    send(8000, 8, false, 320);
    assertEquals(List.of(), digits);
    send(8000, 8, true, 480);
    assertEquals(List.of('8'), digits);
  }

  @Test
  void updateArrivingAfterTheEnd_isNotAnotherPress() {
    send(8000, 6, true, 480);
    send(8000, 6, false, 320);
    send(8000, 6, true, 480);
    assertEquals(List.of('6'), digits);
  }

  @Test
  void endPacketsRepeatedLongAfter_areStillOnePress() {
    press(8000, 2, 480);
    for (int i = 0; i < 5; i++) {
      send(8000, 2, true, 480);
    }
    assertEquals(List.of('2'), digits);
  }

  @Test
  void newSource_withTheSameTimestamp_isANewPress() {
    press(8000, 4, 480);
    ByteBuf other = rtp(PT, 1, 8000, SSRC + 1, true, event(4, true, 480));
    channel.writeInbound(datagram(other, PHONE_A));
    assertEquals(List.of('4', '4'), digits);
  }

  @Test
  void truncatedEventPayload_isIgnored_andPassedOn() {
    ByteBuf shortPayload = rtp(PT, 1, 8000, SSRC, true, new byte[] {5, (byte) 0x80});
    channel.writeInbound(datagram(shortPayload, PHONE_A));
    assertEquals(List.of(), digits);
  }

  @Test
  void allSixteenDtmfCodes_mapToTheirDigits() {
    int timestamp = 1000;
    for (int code = 0; code < 16; code++) {
      press(timestamp, code, 400);
      timestamp += 2000;
    }
    assertEquals(
        "0123456789*#ABCD", digits.stream().map(String::valueOf).reduce("", String::concat));
  }

  @Test
  void nonDtmfEventsAndAudio_reportNothing_andPassOn() {
    send(8000, 16, true, 400); // flash
    ByteBuf audio = rtp(0, 1, 1, SSRC, false, frame(0xFF));
    channel.writeInbound(datagram(audio, PHONE_A));
    assertEquals(List.of(), digits);

    DatagramPacket flash = channel.readInbound();
    DatagramPacket passed = channel.readInbound();
    assertSame(audio, passed.content());
    flash.release();
    passed.release();
  }

  @Test
  void withoutNegotiatedTelephoneEvent_nothingIsRead() {
    reader.setPayloadType(-1);
    press(8000, 7, 480);
    assertEquals(List.of(), digits);
  }

  private void press(int timestamp, int code, int duration) {
    send(timestamp, code, false, 160);
    send(timestamp, code, false, 320);
    send(timestamp, code, true, duration);
    send(timestamp, code, true, duration);
    send(timestamp, code, true, duration);
  }

  private void send(int timestamp, int code, boolean end, int duration) {
    ByteBuf packet = rtp(PT, sequence++, timestamp, SSRC, false, event(code, end, duration));
    channel.writeInbound(datagram(packet, PHONE_A));
  }
}
