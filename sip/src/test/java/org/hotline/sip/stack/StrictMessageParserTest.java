package org.hotline.sip.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPStackTimerTask;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.junit.jupiter.api.Test;

class StrictMessageParserTest {
  private final Recorder recorder = new Recorder();
  private final StrictMessageParser parser = new StrictMessageParser(new BadInput(recorder));

  private static final String OPTIONS =
      "OPTIONS sip:100@192.0.2.1 SIP/2.0\r\n"
          + "Via: SIP/2.0/UDP 192.0.2.7:5060;branch=z9hG4bK-1\r\n"
          + "Max-Forwards: 70\r\n"
          + "From: <sip:a@192.0.2.7>;tag=1\r\n"
          + "To: <sip:100@192.0.2.1>\r\n"
          + "Call-ID: c1\r\n"
          + "CSeq: 1 OPTIONS\r\n"
          + "Content-Length: 0\r\n\r\n";

  private static MessageChannel channel(String transport) {
    // The stack's channels are the parser's exception listeners: UDPMessageChannel,
    // TCPMessageChannel.
    MessageChannel c =
        mock(
            MessageChannel.class,
            withSettings()
                .extraInterfaces(ParseExceptionListener.class)
                .defaultAnswer(RETURNS_DEEP_STUBS));
    when(c.getTransport()).thenReturn(transport);
    when(c.isReliable()).thenReturn(transport.equals("TCP"));
    when(c.getPeerAddress()).thenReturn("192.0.2.7");
    when(c.getPeerPort()).thenReturn(40000);
    return c;
  }

  private SIPMessage parse(String text, MessageChannel channel) throws ParseException {
    boolean udp = !channel.isReliable();
    return parser.parseSIPMessage(
        text.getBytes(StandardCharsets.ISO_8859_1), udp, false, (ParseExceptionListener) channel);
  }

  private static Defect defectOf(SIPMessage m) {
    return Screening.of(m).defect();
  }

  @Test
  void wellFormedRequest_passesWithoutDefect_andNothingIsReported() throws Exception {
    SIPMessage m = parse(OPTIONS, channel("UDP"));
    assertNull(defectOf(m));
    assertTrue(recorder.malformed.isEmpty());
  }

  @Test
  void repeatedCallId_carriesA400Defect() throws Exception {
    SIPMessage m =
        parse(OPTIONS.replace("Call-ID: c1\r\n", "Call-ID: c1\r\ni: c2\r\n"), channel("UDP"));
    assertEquals(new Defect(400, "more than one Call-ID header", false), defectOf(m));
  }

  @Test
  void sipVersion7_carriesA505Defect_thoughJainSipReadsItAs2() throws Exception {
    SIPMessage m = parse(OPTIONS.replace(" SIP/2.0\r\nVia", " SIP/7.0\r\nVia"), channel("UDP"));
    assertEquals(505, defectOf(m).status());
    assertEquals("SIP version SIP/7.0 not supported", defectOf(m).reason());
  }

  @Test
  void unparsableVia_isRefusedWithAReasonNamingTheHeader_reportedOnceWithoutPortOverUdp() {
    MessageChannel udp = channel("UDP");
    ParseException e =
        assertThrows(
            ParseException.class,
            () -> parse(OPTIONS.replace("branch=z9hG4bK-1", "branch=z9hG4bK-1;;,;,,"), udp));
    assertEquals("malformed Via header", e.getMessage());
    assertEquals(1, recorder.malformed.size());
    assertEquals(
        new MalformedMessage("udp", "192.0.2.7", "malformed Via header"),
        recorder.malformed.get(0));
  }

  @Test
  void requestWithoutCallIdFromTo_isRefused() {
    String insufficient =
        OPTIONS
            .replace("From: <sip:a@192.0.2.7>;tag=1\r\n", "")
            .replace("To: <sip:100@192.0.2.1>\r\n", "")
            .replace("Call-ID: c1\r\n", "");
    ParseException e =
        assertThrows(ParseException.class, () -> parse(insufficient, channel("UDP")));
    assertEquals("no From, To, Call-ID header", e.getMessage());
  }

  @Test
  void cseqMethodDifferentFromTheRequestMethod_isRefused() {
    ParseException e =
        assertThrows(
            ParseException.class,
            () -> parse(OPTIONS.replace("1 OPTIONS", "1 INVITE"), channel("UDP")));
    assertEquals("CSeq method differs from the request method", e.getMessage());
  }

  @Test
  void requestOverUdpWhoseViaNamesTcp_isAnsweredOverUdp() throws Exception {
    SIPRequest r =
        (SIPRequest) parse(OPTIONS.replace("SIP/2.0/UDP", "SIP/2.0/TCP"), channel("UDP"));
    assertEquals("UDP", r.getTopmostVia().getTransport());
  }

  @Test
  void negativeContentLengthOverTcp_isParsedWithoutIt_toBeAnswered400_thenTheConnectionCloses()
      throws Exception {
    MessageChannel tcp = channel("TCP");
    SIPMessage m = parse(OPTIONS.replace("Content-Length: 0", "Content-Length: -999"), tcp);
    assertNotNull(m);
    assertEquals(new Defect(400, "malformed Content-Length header", true), defectOf(m));
    ParseException after = assertThrows(ParseException.class, () -> parse(OPTIONS, tcp));
    assertEquals("connection closing after a framing error", after.getMessage());
  }

  @Test
  void twoContentLengthsOverTcp_leaveTheBodyUnread_andCloseTheConnectionOnceAnswered()
      throws Exception {
    SIPMessage m =
        parse(
            OPTIONS.replace("Content-Length: 0\r\n", "Content-Length: 13\r\nl: 5\r\n"),
            channel("TCP"));
    assertEquals(0, m.getContentLength().getContentLength());
    assertTrue(defectOf(m).closeConnection());
  }

  @Test
  void unparsableRequestOverTcp_closesTheConnectionAfterTheLinger_andIsReportedWithItsPort() {
    MessageChannel tcp = channel("TCP");
    assertThrows(
        ParseException.class, () -> parse("INVITE <sip:a@b> SIP/2.0\r\nCall-ID: x\r\n\r\n", tcp));
    verify(tcp.getSIPStack().getTimer()).schedule(any(SIPStackTimerTask.class), anyLong());
    assertEquals(
        new MalformedMessage("tcp", "192.0.2.7:40000", "malformed request line"),
        recorder.malformed.get(0));
  }

  @Test
  void crlfKeepAlive_isNotMalformed() throws Exception {
    assertNull(parse("\r\n\r\n", channel("UDP")));
    assertTrue(recorder.malformed.isEmpty());
  }

  @Test
  void messagesTheStackParsesForItself_areParsedAsJainSipDoes() throws Exception {
    String twice = OPTIONS.replace("Call-ID: c1\r\n", "Call-ID: c1\r\ni: c2\r\n");
    SIPMessage m =
        parser.parseSIPMessage(twice.getBytes(StandardCharsets.ISO_8859_1), true, false, null);
    assertNull(defectOf(m));
    assertTrue(recorder.malformed.isEmpty());
  }
}
