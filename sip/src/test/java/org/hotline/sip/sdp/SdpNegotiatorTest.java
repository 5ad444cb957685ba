package org.hotline.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import org.hotline.sip.media.Codec;
import org.junit.jupiter.api.Test;

class SdpNegotiatorTest {

  private static final String US = "203.0.113.1";
  private static final int OUR_PORT = 40000;

  private static final String BARESIP =
      crlf(
          "v=0",
          "o=- 1432603738 2780434542 IN IP4 192.168.1.35",
          "s=-",
          "c=IN IP4 192.168.1.35",
          "t=0 0",
          "m=audio 10588 RTP/AVP 96 9 0 8 101",
          "b=AS:102",
          "a=rtpmap:96 opus/48000/2",
          "a=fmtp:96 stereo=1;sprop-stereo=1",
          "a=rtpmap:9 G722/8000",
          "a=rtpmap:0 PCMU/8000",
          "a=rtpmap:8 PCMA/8000",
          "a=rtpmap:101 telephone-event/8000",
          "a=fmtp:101 0-15",
          "a=sendrecv",
          "a=rtcp-rsize",
          "a=ptime:20");

  private static final String LINPHONE_WITH_VIDEO =
      crlf(
          "v=0",
          "o=alice 3350 1066 IN IP4 192.168.1.20",
          "s=Talk",
          "c=IN IP4 192.168.1.20",
          "t=0 0",
          "a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics",
          "m=audio 7078 RTP/AVP 96 97 98 8 0 18 101 99 100",
          "a=rtpmap:96 opus/48000/2",
          "a=fmtp:96 useinbandfec=1",
          "a=rtpmap:97 speex/16000",
          "a=rtpmap:98 speex/8000",
          "a=fmtp:18 annexb=yes",
          "a=rtpmap:101 telephone-event/48000",
          "a=rtpmap:99 telephone-event/16000",
          "a=rtpmap:100 telephone-event/8000",
          "a=rtcp-fb:* trr-int 1000",
          "m=video 9078 RTP/AVP 96 97",
          "a=rtpmap:96 VP8/90000",
          "a=rtpmap:97 H264/90000");

  /** SIPp's uac scenario: PCMU only, no rtpmap-less surprises, LF line ends. */
  private static final String SIPP =
      String.join(
          "\n",
          "v=0",
          "o=user1 53655765 2353687637 IN IP4 127.0.0.1",
          "s=-",
          "c=IN IP4 127.0.0.1",
          "t=0 0",
          "m=audio 6000 RTP/AVP 0",
          "a=rtpmap:0 PCMU/8000",
          "");

  @Test
  void baresipOffer_getsThePeersFirstG711_andKeepsItsTelephoneEventType() throws Exception {
    Negotiated n = SdpNegotiator.answer(BARESIP, US, OUR_PORT);

    assertEquals(Codec.PCMU, n.codec());
    assertEquals(101, n.telephoneEventPt());
    assertEquals(new InetSocketAddress("192.168.1.35", 10588), n.remote());
    assertEquals("sendrecv", n.direction());
    assertTrue(n.peerReceives());
    List<String> lines = n.sdp().lines().toList();
    assertTrue(lines.contains("m=audio 40000 RTP/AVP 0 101"), n.sdp());
    assertTrue(lines.contains("c=IN IP4 " + US), n.sdp());
    assertTrue(lines.contains("a=rtpmap:0 PCMU/8000"), n.sdp());
    assertTrue(lines.contains("a=rtpmap:101 telephone-event/8000"), n.sdp());
    assertTrue(lines.contains("a=ptime:20"), n.sdp());
    assertTrue(lines.contains("a=sendrecv"), n.sdp());
    assertTrue(n.sdp().endsWith("\r\n"));
    assertFalse(n.sdp().replace("\r\n", "").contains("\n"), "every line ends in CRLF");
  }

  @Test
  void linphoneOffer_takesPcma_theTelephoneEventAt8kHz_andRejectsVideo() throws Exception {
    Negotiated n = SdpNegotiator.answer(LINPHONE_WITH_VIDEO, US, OUR_PORT);

    assertEquals(Codec.PCMA, n.codec());
    assertEquals(100, n.telephoneEventPt());
    List<String> media = n.sdp().lines().filter(l -> l.startsWith("m=")).toList();
    assertEquals(
        List.of("m=audio 40000 RTP/AVP 8 100", "m=video 0 RTP/AVP 96 97"),
        media,
        "RFC 3264 section 6: one m= line per offered stream, rejected ones with port 0");
  }

  @Test
  void sippOffer_withLfLineEnds_andNoTelephoneEvent() throws Exception {
    Negotiated n = SdpNegotiator.answer(SIPP, US, OUR_PORT);

    assertEquals(Codec.PCMU, n.codec());
    assertEquals(-1, n.telephoneEventPt());
    assertEquals(new InetSocketAddress("127.0.0.1", 6000), n.remote());
    assertTrue(n.sdp().contains("m=audio 40000 RTP/AVP 0\r\n"), n.sdp());
    assertFalse(n.sdp().contains("telephone-event"));
  }

  @Test
  void pcmaOnly_withoutRtpmap_andConnectionAtMediaLevel() throws Exception {
    String offer =
        crlf(
            "v=0",
            "o=- 1 1 IN IP4 10.0.0.5",
            "s=-",
            "t=0 0",
            "m=audio 4000 RTP/AVP 8 101",
            "c=IN IP4 10.0.0.5",
            "a=rtpmap:101 telephone-event/8000");
    Negotiated n = SdpNegotiator.answer(offer, US, OUR_PORT);

    assertEquals(Codec.PCMA, n.codec());
    assertEquals(101, n.telephoneEventPt());
    assertEquals(new InetSocketAddress("10.0.0.5", 4000), n.remote());
  }

  @Test
  void mediaLevelConnection_winsOverTheSessionLevelOne() throws Exception {
    String offer =
        crlf(
            "v=0",
            "o=- 1 1 IN IP4 10.0.0.5",
            "s=-",
            "c=IN IP4 10.0.0.5",
            "t=0 0",
            "m=audio 4000 RTP/AVP 0",
            "c=IN IP4 10.0.0.6");
    assertEquals(
        new InetSocketAddress("10.0.0.6", 4000),
        SdpNegotiator.answer(offer, US, OUR_PORT).remote());
  }

  @Test
  void holdOffer_isAnsweredRecvonly_andSaysThePeerWantsNoMedia() throws Exception {
    String offer =
        crlf(
            "v=0",
            "o=- 1 2 IN IP4 10.0.0.5",
            "s=-",
            "c=IN IP4 0.0.0.0",
            "t=0 0",
            "m=audio 4000 RTP/AVP 0 101",
            "a=rtpmap:101 telephone-event/8000",
            "a=sendonly");
    Negotiated n = SdpNegotiator.answer(offer, US, OUR_PORT);

    assertEquals("sendonly", n.direction());
    assertTrue(n.sdp().contains("a=recvonly\r\n"), n.sdp());
    assertTrue(n.remote().getAddress().isAnyLocalAddress());
    assertFalse(n.peerReceives());
  }

  @Test
  void sessionLevelDirection_appliesToTheStream() throws Exception {
    String offer =
        crlf(
            "v=0",
            "o=- 1 2 IN IP4 10.0.0.5",
            "s=-",
            "c=IN IP4 10.0.0.5",
            "t=0 0",
            "a=inactive",
            "m=audio 4000 RTP/AVP 8");
    Negotiated n = SdpNegotiator.answer(offer, US, OUR_PORT);
    assertEquals("inactive", n.direction());
    assertTrue(n.sdp().contains("a=inactive\r\n"));
  }

  @Test
  void noCommonCodec_isNotAcceptable() {
    String offer =
        crlf(
            "v=0",
            "o=- 1 1 IN IP4 10.0.0.5",
            "s=-",
            "c=IN IP4 10.0.0.5",
            "t=0 0",
            "m=audio 4000 RTP/AVP 18 4 101",
            "a=rtpmap:18 G729/8000",
            "a=rtpmap:101 telephone-event/8000");
    SdpException e =
        assertThrows(SdpException.class, () -> SdpNegotiator.answer(offer, US, OUR_PORT));
    assertTrue(e.getMessage().contains("no common codec"), e.getMessage());
    assertTrue(e.getMessage().contains("18(g729)"), e.getMessage());
  }

  @Test
  void g711UnderADynamicNumber_doesNotCount() {
    String offer =
        crlf(
            "v=0",
            "o=- 1 1 IN IP4 10.0.0.5",
            "s=-",
            "c=IN IP4 10.0.0.5",
            "t=0 0",
            "m=audio 4000 RTP/AVP 96",
            "a=rtpmap:96 PCMU/8000");
    assertThrows(SdpException.class, () -> SdpNegotiator.answer(offer, US, OUR_PORT));
  }

  @Test
  void staticTypeMappedToSomethingElse_isNotTakenForG711() {
    String offer =
        crlf(
            "v=0",
            "o=- 1 1 IN IP4 10.0.0.5",
            "s=-",
            "c=IN IP4 10.0.0.5",
            "t=0 0",
            "m=audio 4000 RTP/AVP 0 8",
            "a=rtpmap:0 L16/8000");
    assertEquals(
        Codec.PCMA, assertDoesNotThrow(() -> SdpNegotiator.answer(offer, US, OUR_PORT)).codec());
  }

  @Test
  void srtpOnlyOrVideoOnly_isNotAcceptable() {
    String srtp =
        crlf(
            "v=0",
            "o=- 1 1 IN IP4 10.0.0.5",
            "s=-",
            "c=IN IP4 10.0.0.5",
            "t=0 0",
            "m=audio 4000 RTP/SAVP 0",
            "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:abc");
    String video =
        crlf(
            "v=0",
            "o=- 1 1 IN IP4 10.0.0.5",
            "s=-",
            "c=IN IP4 10.0.0.5",
            "t=0 0",
            "m=video 4000 RTP/AVP 96");
    assertThrows(SdpException.class, () -> SdpNegotiator.answer(srtp, US, OUR_PORT));
    SdpException e =
        assertThrows(SdpException.class, () -> SdpNegotiator.answer(video, US, OUR_PORT));
    assertTrue(e.getMessage().contains("no audio stream"), e.getMessage());
  }

  @Test
  void offerWithoutAnyConnectionLine_isNotAcceptable() {
    String offer = crlf("v=0", "o=- 1 1 IN IP4 10.0.0.5", "s=-", "t=0 0", "m=audio 4000 RTP/AVP 0");
    assertThrows(SdpException.class, () -> SdpNegotiator.answer(offer, US, OUR_PORT));
  }

  @Test
  void garbage_doesNotParse() {
    assertThrows(SdpException.class, () -> SdpNegotiator.answer("", US, OUR_PORT));
    assertThrows(SdpException.class, () -> SdpNegotiator.answer("hello world", US, OUR_PORT));
    assertThrows(SdpException.class, () -> SdpNegotiator.answer(null, US, OUR_PORT));
    assertThrows(
        SdpException.class,
        () -> SdpNegotiator.answer(crlf("v=0", "m=audio abc RTP/AVP 0"), US, OUR_PORT));
    assertThrows(
        SdpException.class,
        () ->
            SdpNegotiator.answer(
                crlf("v=0", "c=IN IP4 pbx.example.com", "m=audio 4 RTP/AVP 0"), US, OUR_PORT));
    assertThrows(
        SdpException.class,
        () ->
            SdpNegotiator.answer(
                crlf("v=0", "c=IN IP4 10.0.0.1", "m=audio 4 RTP/AVP 0", "a=rtpmap:zero PCMU/8000"),
                US,
                OUR_PORT));
  }

  @Test
  void ipv6Peer_andOurIpv6Address() throws Exception {
    String offer =
        crlf(
            "v=0",
            "o=- 1 1 IN IP6 2001:db8::5",
            "s=-",
            "c=IN IP6 2001:db8::5",
            "t=0 0",
            "m=audio 4000 RTP/AVP 0");
    Negotiated n = SdpNegotiator.answer(offer, "2001:db8::1", OUR_PORT, 7, 8);
    assertEquals(new InetSocketAddress("2001:db8::5", 4000), n.remote());
    assertTrue(n.sdp().contains("o=hotline 7 8 IN IP6 2001:db8::1\r\n"), n.sdp());
    assertTrue(n.sdp().contains("c=IN IP6 2001:db8::1\r\n"), n.sdp());
  }

  @Test
  void offer_listsThePreferredCodecFirst_thenTheOther_andTelephoneEvent101() {
    String offer = SdpNegotiator.offer(US, OUR_PORT, Codec.PCMA, 42);
    List<String> lines = offer.lines().toList();
    assertEquals("v=0", lines.get(0));
    assertTrue(lines.contains("o=hotline 42 42 IN IP4 " + US), offer);
    assertTrue(lines.contains("m=audio 40000 RTP/AVP 8 0 101"), offer);
    assertTrue(lines.contains("a=rtpmap:8 PCMA/8000"), offer);
    assertTrue(lines.contains("a=rtpmap:0 PCMU/8000"), offer);
    assertTrue(lines.contains("a=rtpmap:101 telephone-event/8000"), offer);
    assertTrue(lines.contains("a=fmtp:101 0-16"), offer);
    assertTrue(lines.contains("a=ptime:20"), offer);
    assertTrue(lines.contains("a=sendrecv"), offer);
  }

  @Test
  void ourOfferAnsweredByOurselves_agreesOnThePreferredCodec() throws Exception {
    String offer = SdpNegotiator.offer("10.0.0.1", 30000, Codec.PCMA, 1);
    Negotiated answered = SdpNegotiator.answer(offer, US, OUR_PORT);
    Negotiated read = SdpNegotiator.readAnswer(answered.sdp());

    assertEquals(Codec.PCMA, answered.codec());
    assertEquals(Codec.PCMA, read.codec());
    assertEquals(101, read.telephoneEventPt());
    assertEquals(new InetSocketAddress(US, OUR_PORT), read.remote());
    assertNull(read.sdp());
    assertEquals("sendrecv", read.direction());
  }

  @Test
  void readAnswer_fromAnAgentPhone() throws Exception {
    String answer =
        crlf(
            "v=0",
            "o=agent 9 9 IN IP4 192.168.1.50",
            "s=-",
            "c=IN IP4 192.168.1.50",
            "t=0 0",
            "m=audio 5062 RTP/AVP 0 101",
            "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:101 telephone-event/8000",
            "a=fmtp:101 0-15",
            "a=sendrecv");
    Negotiated n = SdpNegotiator.readAnswer(answer);
    assertEquals(Codec.PCMU, n.codec());
    assertEquals(101, n.telephoneEventPt());
    assertEquals(new InetSocketAddress("192.168.1.50", 5062), n.remote());
  }

  @Test
  void readAnswer_thatRejectedTheStream_isNotAcceptable() {
    String answer =
        crlf(
            "v=0",
            "o=agent 9 9 IN IP4 192.168.1.50",
            "s=-",
            "c=IN IP4 192.168.1.50",
            "t=0 0",
            "m=audio 0 RTP/AVP 0");
    assertThrows(SdpException.class, () -> SdpNegotiator.readAnswer(answer));
  }

  private static <T> T assertDoesNotThrow(ThrowingSupplier<T> supplier) {
    return org.junit.jupiter.api.Assertions.assertDoesNotThrow(supplier::get);
  }

  @FunctionalInterface
  private interface ThrowingSupplier<T> {
    T get() throws Throwable;
  }

  private static String crlf(String... lines) {
    return String.join("\r\n", lines) + "\r\n";
  }
}
