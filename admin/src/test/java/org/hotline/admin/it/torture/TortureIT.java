package org.hotline.admin.it.torture;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input is a first-class path: every RFC 4475 torture message, bit-exact, from 127.0.0.1 to a
 * running Hotline, one UDP datagram each (and TCP for those whose verdict depends on stream
 * framing), gets the verdict of the corpus's README ({@link Verdicts}); then the server still
 * answers OPTIONS, has counted and logged each malformed message once, logged no error or stack
 * trace, and has no call left open.
 *
 * <p>Messages that share a Via branch go to different server instances ({@link Lanes}): JAIN-SIP
 * would take the second for a retransmission of the first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TortureIT {
  private final Lanes lanes = new Lanes();

  Stream<TortureCase> messages() {
    return TortureCorpus.cases().stream();
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void tortureMessage_getsItsVerdict(TortureCase c) throws Exception {
    TortureServer server = lanes.serverFor(c);
    c.verdict().check(c, c.verdict().exchange(server.sipPort, c.bytes()));
  }

  @Order(2)
  @Test
  void afterTheMessages_serverKeepsServing_countsAndLogsMalformedOnce_leavesNoCall()
      throws Exception {
    TortureCorpus.locate();
    List<Lanes.Report> reports = lanes.finish();
    assertFalse(reports.isEmpty(), "no torture message was sent");
    assertAll(reports.stream().map(r -> r::check));
  }

  @AfterAll
  void close() {
    lanes.close();
  }
}
