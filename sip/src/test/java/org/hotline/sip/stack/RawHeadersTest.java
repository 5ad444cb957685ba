package org.hotline.sip.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RawHeadersTest {
  private static RawHeaders of(String text) {
    return RawHeaders.of(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void repeatedSingleHeader_isFoundUnderItsCompactForm_andWithSpaceBeforeTheColon() {
    RawHeaders h = of("OPTIONS sip:a@b SIP/2.0\r\nContent-Length : 13\r\nl: 5\r\n\r\nbody");
    assertEquals(Optional.of("content-length"), h.repeatedSingleHeader());
  }

  @Test
  void headersThatMayRepeat_areNotReported() {
    RawHeaders h =
        of(
            "OPTIONS sip:a@b SIP/2.0\r\nVia: x\r\nv: y\r\nContact: <sip:a@b>\r\nm: <sip:c@d>\r\n\r\n");
    assertEquals(Optional.empty(), h.repeatedSingleHeader());
  }

  @Test
  void foldedLines_belongToTheirHeader_andTheBodyIsNotRead() {
    RawHeaders h =
        of(
            "INVITE sip:a@b SIP/2.0\r\nCall-ID:\r\n  one\r\nSubject: x\r\n\r\nCall-ID: in the body\r\n");
    assertEquals(1, h.count("call-id"));
    assertEquals("Call-ID: one", h.lines("call-id").get(0));
  }

  @Test
  void version_isTheLastTokenOfARequestLine_evenWithTrailingSpaces() {
    assertEquals("SIP/7.0", of("OPTIONS sip:a@b SIP/7.0\r\n\r\n").version());
    assertEquals("SIP/2.0", of("OPTIONS sip:a@b SIP/2.0  \r\n\r\n").version());
    assertEquals("", of("INVITE sip:a@b\r\n\r\n").version());
  }

  @Test
  void version_isTheFirstTokenOfAStatusLine() {
    RawHeaders h = of("SIP/2.0 100 \r\nVia: x\r\n\r\n");
    assertTrue(h.isResponse());
    assertEquals("SIP/2.0", h.version());
  }

  @Test
  void keepAliveCrlfsBeforeTheStartLine_areSkipped() {
    assertEquals(
        "OPTIONS sip:a@b SIP/2.0", of("\r\n\r\nOPTIONS sip:a@b SIP/2.0\r\n\r\n").startLine());
  }

  @Test
  void without_leavesTheOtherHeadersToBeParsedAgain() {
    RawHeaders h = of("INVITE sip:a@b SIP/2.0\r\nContent-Length: -999\r\nCall-ID: x\r\n\r\nv=0");
    assertEquals(
        "INVITE sip:a@b SIP/2.0\r\nCall-ID: x\r\n\r\n",
        new String(h.without("content-length"), StandardCharsets.ISO_8859_1));
  }
}
