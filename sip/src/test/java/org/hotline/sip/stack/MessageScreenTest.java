package org.hotline.sip.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.MessageChannel;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.MaxForwardsHeader;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class MessageScreenTest {
  private final Recorder recorder = new Recorder();
  private final MessageScreen screen =
      new MessageScreen(
          new BadInput(recorder), new HeaderFactoryImpl(), "192.0.2.1", List.of("192.0.2.1:5060"));
  private final MessageChannel udp = mock(MessageChannel.class);

  MessageScreenTest() {
    when(udp.getTransport()).thenReturn("UDP");
    when(udp.isReliable()).thenReturn(false);
    when(udp.getPeerAddress()).thenReturn("192.0.2.7");
  }

  private static String request(String method, String uri, String extra) {
    return method
        + " "
        + uri
        + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 192.0.2.7:5062;branch=z9hG4bK-"
        + method
        + "\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:a@192.0.2.7>;tag=1\r\n"
        + "To: <sip:100@192.0.2.1>\r\n"
        + "Call-ID: c-"
        + method
        + "\r\n"
        + "CSeq: 1 "
        + method
        + "\r\n"
        + "Contact: <sip:a@192.0.2.7:5062>\r\n"
        + extra
        + "Content-Length: 0\r\n\r\n";
  }

  private static SIPMessage parse(String text) throws Exception {
    SIPMessage m =
        new StringMsgParser()
            .parseSIPMessage(text.getBytes(StandardCharsets.ISO_8859_1), true, false, null);
    m.setPeerPacketSourceAddress(InetAddress.getByName("192.0.2.7"));
    m.setPeerPacketSourcePort(40000);
    return m;
  }

  private SIPResponse answerTo(String text) throws Exception {
    SIPRequest r = (SIPRequest) parse(text);
    assertFalse(screen.processRequest(r, udp), "the screen answers it: no handler sees it");
    ArgumentCaptor<SIPResponse> sent = ArgumentCaptor.forClass(SIPResponse.class);
    verify(udp).sendMessage(sent.capture(), any(InetAddress.class), anyInt());
    return sent.getValue();
  }

  @Test
  void wellFormedOptions_passesToTheHandlers_unanswered() throws Exception {
    assertTrue(
        screen.processRequest(
            (SIPRequest) parse(request("OPTIONS", "sip:100@192.0.2.1", "")), udp));
    verify(udp, never()).sendMessage(any(SIPResponse.class), any(InetAddress.class), anyInt());
  }

  @Test
  void answers_goBackToTheDatagramsSource() throws Exception {
    answerTo(request("OPTIONS", "mailto:x@example.com", ""));
    verify(udp)
        .sendMessage(
            any(SIPResponse.class), any(InetAddress.class), org.mockito.ArgumentMatchers.eq(40000));
  }

  @Test
  void requestUriSchemeOtherThanSip_gets416() throws Exception {
    SIPResponse r = answerTo(request("OPTIONS", "nobodyKnowsThisScheme:opaque", ""));
    assertEquals(416, r.getStatusCode());
    assertNotNull(r.getTo().getTag(), "a stateless answer still tags To");
    assertEquals(List.of(416), recorder.rejected);
    assertTrue(recorder.malformed.isEmpty());
  }

  @Test
  void requireOfUnknownExtensions_gets420ListingEachOptionTag() throws Exception {
    SIPResponse r = answerTo(request("OPTIONS", "sip:100@192.0.2.1", "Require: foo, bar\r\n"));
    assertEquals(420, r.getStatusCode());
    assertTrue(r.toString().contains("Unsupported: foo"), r.toString());
    assertTrue(r.toString().contains("bar"), r.toString());
  }

  @Test
  void requireInCancel_isIgnored() throws Exception {
    assertTrue(
        screen.processRequest(
            (SIPRequest) parse(request("CANCEL", "sip:100@192.0.2.1", "Require: foo\r\n")), udp));
  }

  @Test
  void inviteWithABodyThatIsNotSdp_gets415WithAccept() throws Exception {
    String invite =
        request("INVITE", "sip:100@192.0.2.1", "Content-Type: text/plain\r\n")
            .replace("Content-Length: 0\r\n\r\n", "Content-Length: 5\r\n\r\nhello");
    SIPResponse r = answerTo(invite);
    assertEquals(415, r.getStatusCode());
    assertTrue(r.toString().contains("Accept: application/sdp"), r.toString());
  }

  @Test
  void inviteWhoseAcceptRulesOutSdp_gets406WithAWarning() throws Exception {
    SIPResponse r =
        answerTo(request("INVITE", "sip:100@192.0.2.1", "Accept: text/nobodyKnowsThis\r\n"));
    assertEquals(406, r.getStatusCode());
    assertTrue(r.toString().contains("Warning: 399"), r.toString());
  }

  @Test
  void inviteAcceptingAnyApplicationType_passes() throws Exception {
    assertTrue(
        screen.processRequest(
            (SIPRequest) parse(request("INVITE", "sip:100@192.0.2.1", "Accept: application/*\r\n")),
            udp));
  }

  @Test
  void registerWhoseToIsNotASipUri_gets400() throws Exception {
    SIPResponse r =
        answerTo(
            request("REGISTER", "sip:192.0.2.1", "")
                .replace("To: <sip:100@192.0.2.1>", "To: isbn:2983792873"));
    assertEquals(400, r.getStatusCode());
  }

  @Test
  void branchThatIsOnlyTheMagicCookie_gets400_andCountsAsMalformed() throws Exception {
    SIPResponse r =
        answerTo(
            request("OPTIONS", "sip:100@192.0.2.1", "")
                .replace("branch=z9hG4bK-OPTIONS", "branch=z9hG4bK"));
    assertEquals(400, r.getStatusCode());
    assertEquals(1, recorder.malformed.size());
    assertEquals("192.0.2.7:40000", recorder.malformed.get(0).source());
  }

  @Test
  void versionDefect_gets505_andCountsAsMalformed() throws Exception {
    SIPRequest r = (SIPRequest) parse(request("OPTIONS", "sip:100@192.0.2.1", ""));
    Screening.attach(r, new Defect(505, "SIP version SIP/7.0 not supported", false));
    assertFalse(screen.processRequest(r, udp));
    ArgumentCaptor<SIPResponse> sent = ArgumentCaptor.forClass(SIPResponse.class);
    verify(udp).sendMessage(sent.capture(), any(InetAddress.class), anyInt());
    assertEquals(505, sent.getValue().getStatusCode());
    assertEquals(1, recorder.malformed.size());
  }

  @Test
  void defectiveAck_isDroppedUnanswered() throws Exception {
    SIPRequest ack = (SIPRequest) parse(request("ACK", "sip:100@192.0.2.1", ""));
    Screening.attach(ack, new Defect(505, "SIP version SIP/7.0 not supported", false));
    assertFalse(screen.processRequest(ack, udp));
    verify(udp, never()).sendMessage(any(SIPResponse.class), any(InetAddress.class), anyInt());
    assertEquals(1, recorder.malformed.size());
  }

  @Test
  void registerWithCredentialsInAnUnknownScheme_goesOnWithoutThem() throws Exception {
    SIPRequest r =
        (SIPRequest)
            parse(
                request(
                    "REGISTER",
                    "sip:192.0.2.1",
                    "Authorization: NoOneKnowsThisScheme opaque-data=here\r\n"));
    assertTrue(screen.processRequest(r, udp));
    assertNull(r.getHeader(AuthorizationHeader.NAME));
  }

  @Test
  void registerWithIncompleteDigestCredentials_gets400() throws Exception {
    SIPResponse r =
        answerTo(
            request("REGISTER", "sip:192.0.2.1", "Authorization: Digest username=\"1001\"\r\n"));
    assertEquals(400, r.getStatusCode());
  }

  @Test
  void rfc2543Invite_withoutMaxForwardsOrContact_isCompletedForTheTransactionLayer()
      throws Exception {
    SIPRequest r =
        (SIPRequest)
            parse(
                request("INVITE", "sip:100@192.0.2.1", "")
                    .replace("Max-Forwards: 70\r\n", "")
                    .replace("Contact: <sip:a@192.0.2.7:5062>\r\n", ""));
    assertTrue(screen.processRequest(r, udp));
    assertEquals(70, ((MaxForwardsHeader) r.getHeader(MaxForwardsHeader.NAME)).getMaxForwards());
    assertEquals(
        "sip:a@192.0.2.7",
        ((ContactHeader) r.getHeader(ContactHeader.NAME)).getAddress().getURI().toString());
  }

  @Test
  void bodyCutOffByTheTcpReadTimeout_isDroppedAsMalformed() throws Exception {
    MessageChannel tcp = mock(MessageChannel.class);
    when(tcp.getTransport()).thenReturn("TCP");
    when(tcp.isReliable()).thenReturn(true);
    String invite =
        request("INVITE", "sip:100@192.0.2.1", "Content-Type: application/sdp\r\n")
            .replace("Content-Length: 0\r\n\r\n", "Content-Length: 4\r\n\r\nv=0\0");
    SIPRequest r = (SIPRequest) parse(invite);
    Screening.attachArrival(
        r, System.nanoTime() - (SipServer.TCP_READ_TIMEOUT_MILLIS + 1) * 1_000_000L);
    assertFalse(screen.processRequest(r, tcp));
    verify(tcp, never()).sendMessage(any(SIPResponse.class));
    assertEquals("body cut off by the read timeout", recorder.malformed.get(0).reason());
  }

  @Test
  void responseWhoseTopViaIsNotOurs_isDropped() throws Exception {
    SIPResponse stray =
        (SIPResponse)
            new StringMsgParser()
                .parseSIPMessage(
                    ("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 255.255.255.255;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\n"
                            + "To: <sip:c@d>;tag=2\r\nCall-ID: x\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1),
                    true,
                    false,
                    null);
    assertFalse(screen.processResponse(stray, udp));
  }

  @Test
  void responseToOurRequest_passes() throws Exception {
    SIPResponse ours =
        (SIPResponse)
            new StringMsgParser()
                .parseSIPMessage(
                    ("SIP/2.0 180 Ringing\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\n"
                            + "To: <sip:c@d>;tag=2\r\nCall-ID: x\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1),
                    true,
                    false,
                    null);
    assertTrue(screen.processResponse(ours, udp));
  }
}
