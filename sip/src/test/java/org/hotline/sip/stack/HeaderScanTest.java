package org.hotline.sip.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderScanTest {
  private static final String REGISTER =
      "REGISTER sip:127.0.0.1 SIP/2.0\r\n"
          + "Via: SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bK-1\r\n"
          + "From: <sip:1001@127.0.0.1>;tag=1\r\n"
          + "To: <sip:1001@127.0.0.1>\r\n"
          + "Call-ID: 1@127.0.0.1\r\n"
          + "CSeq: 1 REGISTER\r\n"
          + "Contact: <sip:1001@127.0.0.1:5062>\r\n"
          + "Max-Forwards: 70\r\n"
          + "Content-Length: 0\r\n\r\n";

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** What the full reading finds: true when it finds nothing to refuse. */
  private static boolean clean(String text) {
    RawHeaders raw = RawHeaders.of(bytes(text));
    return raw.repeatedSingleHeader().isEmpty() && "SIP/2.0".equalsIgnoreCase(raw.version());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        REGISTER,
        "\r\n\r\n" + REGISTER,
        "SIP/2.0 200 OK\r\nVia: x\r\nCall-ID: a\r\nl: 0\r\n\r\n",
        "sip/2.0 180 Ringing\r\nTo: a\r\n\r\n",
        "OPTIONS sip:a@b SIP/2.0\r\nVia: x\r\nv: y\r\nContact: <sip:a@b>\r\nm: <sip:c@d>\r\n\r\n",
        "INVITE sip:a@b SIP/2.0\r\nSubject: x\r\n to: folded into the subject\r\nTo: a\r\n\r\n",
        "INVITE sip:a@b SIP/2.0\nCall-ID: x\nCSeq: 1 INVITE\n\nCall-ID: in the body\n",
        "INVITE sip:a@b SIP/2.0\r\nContent-Length : 0\r\n\r\n",
        "INVITE sip:a@b SIP/2.0\r\nContent-Type: application/sdp\r\nContent-Length: 0\r\n\r\n",
      })
  void plainMessages_areSeenAsPlain(String text) {
    assertTrue(HeaderScan.plain(bytes(text)), text);
    assertTrue(clean(text), "the full reading agrees: " + text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "OPTIONS sip:a@b SIP/7.0\r\n\r\n",
        "SIP/7.0 200 OK\r\n\r\n",
        "INVITE sip:a@b\r\n\r\n",
        "OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 13\r\nl: 5\r\n\r\nbody",
        "OPTIONS sip:a@b SIP/2.0\r\nCall-ID: a\r\ni: b\r\n\r\n",
        "OPTIONS sip:a@b SIP/2.0\r\nCSeq: 1 OPTIONS\r\ncseq: 2 OPTIONS\r\n\r\n",
        "OPTIONS sip:a@b SIP/2.0\r\nFrom: a\r\nf: b\r\n\r\n",
        "OPTIONS sip:a@b SIP/2.0\r\nTo: a\r\nTO : b\r\n\r\n",
        "OPTIONS sip:a@b SIP/2.0\r\nMax-Forwards: 1\r\nmax-forwards: 2\r\n\r\n",
        "OPTIONS sip:a@b SIP/2.0\r\nContent-Type: a/b\r\nc: a/c\r\n\r\n",
      })
  void versionsOtherThan20_andRepeatedSingleHeaders_areNotPlain(String text) {
    assertFalse(HeaderScan.plain(bytes(text)), text);
    assertFalse(clean(text), "the full reading agrees: " + text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "OPTIONS sip:a@b SIP/2.0  \r\n\r\n",
        "OPTIONS sip:a@b\tSIP/2.0\r\n\r\n",
        "OPTIONS sip:a@b SIP/2.0\r\n Call-ID: a\r\nCall-ID: b\r\n\r\n",
        "OPTIONS sip:a@b SIP/2.0\r\nno colon here\r\n\r\n",
        "OPTIONS sip:a@b SIP/2.0\r\n: no name\r\n\r\n",
      })
  void unusualWriting_isLeftToTheFullReading(String text) {
    assertFalse(HeaderScan.plain(bytes(text)), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "OPTIONS sip:a@b SIP/2.0\r\nTo: a\r\n\r\n",
        "OPTIONS sip:a@b SIP/2.0\r\nCall-ID: a\r\nCall-IDs: b\r\n\r\n",
        "OPTIONS sip:a@b SIP/2.0\r\nTo: a",
      })
  void theScan_andTheFullReading_agreeOnTheEdges(String text) {
    assertEquals(clean(text), HeaderScan.plain(bytes(text)), text);
  }
}
