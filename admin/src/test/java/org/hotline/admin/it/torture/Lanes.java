package org.hotline.admin.it.torture;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One server per lane (see {@link TortureCorpus#lanes}), one at a time: the next lane's first case
 * ends the current lane, which is then checked (still serving, bad input counted and logged once,
 * no call left, nothing logged as an error) and closed.
 */
final class Lanes implements AutoCloseable {
  /** How the stack layer logs each malformed message (org.hotline.sip.stack.BadInput). */
  static final String MALFORMED_LOGGER = "org.hotline.sip.stack.BadInput";

  static final String MALFORMED_LINE = "malformed SIP message from";
  static final String MALFORMED_METRIC = "hotline_sip_malformed_total";

  /**
   * JAIN-SIP's TCP reader logs this, with a stack trace, when a peer closes its connection while
   * the reader answers the CRLFs it feeds itself on end of stream: a race in the stack on every
   * disconnect (the keep-serving check over TCP triggers it), not a reaction to bad input.
   */
  static final String DISCONNECT_NOISE = "A problem occured while trying to send a single CLRF";

  /**
   * The same race's other face: when the TCP probe has already read its answer and closed, the
   * stack may still try to write to it and, finding the connection gone, to connect back to the
   * probe's ephemeral port, logging each step at ERROR. Nothing the torture messages caused.
   */
  static final String RECONNECT_NOISE = "IOHandler.sendBytes(";

  private final List<Report> reports = new ArrayList<>();
  private TortureServer server;
  private int lane = -1;
  private final List<String> sent = new ArrayList<>();
  private int expectedMalformed;

  /** What one lane's server did with its messages. */
  record Report(
      int lane,
      List<String> sent,
      int expectedMalformed,
      long malformedLogged,
      Double malformedCounted,
      int optionsUdp,
      int optionsTcp,
      boolean callsDrained,
      List<String> problems) {
    void check() {
      String in = "lane " + lane + " " + sent + ": ";
      assertAll(
          () -> assertEquals(200, optionsUdp, in + "OPTIONS over UDP after the messages"),
          () -> assertEquals(200, optionsTcp, in + "OPTIONS over TCP after the messages"),
          () -> assertTrue(callsDrained, in + "hotline_calls_active back to 0"),
          () -> assertEquals(List.of(), problems, in + "errors or stack traces logged"),
          () ->
              assertTrue(
                  malformedLogged >= expectedMalformed,
                  in
                      + "every malformed message logged: "
                      + malformedLogged
                      + " of "
                      + expectedMalformed),
          () ->
              assertTrue(
                  malformedLogged <= sent.size(),
                  in + "each malformed message logged once: " + malformedLogged),
          () ->
              assertNotNull(
                  malformedCounted,
                  in
                      + MALFORMED_METRIC
                      + " is not on /metrics: HotlineServer must give "
                      + "SipServer a counter (sip.setMalformedListener(new MalformedMetrics(metrics)))"),
          () ->
              assertEquals(
                  (double) malformedLogged,
                  malformedCounted == null ? -1 : malformedCounted,
                  in + MALFORMED_METRIC + " counts what was logged as malformed"));
    }
  }

  TortureServer serverFor(TortureCase c) throws Exception {
    if (c.lane() != lane) {
      finishLane();
      server = new TortureServer();
      lane = c.lane();
    }
    sent.add(c.file() + "/" + c.transport());
    if (c.verdict().malformed()) {
      expectedMalformed++;
    }
    return server;
  }

  /** Ends the last lane; every lane's report. */
  List<Report> finish() throws Exception {
    finishLane();
    return List.copyOf(reports);
  }

  private void finishLane() throws Exception {
    if (server == null) {
      return;
    }
    try {
      int udp = server.options(TortureCase.Transport.UDP);
      int tcp = server.options(TortureCase.Transport.TCP);
      boolean drained = server.callsDrain(Duration.ofSeconds(10));
      Double counted = server.metric(MALFORMED_METRIC);
      List<ILoggingEvent> logged = server.logged();
      long malformed =
          logged.stream()
              .filter(
                  e ->
                      e.getLoggerName().equals(MALFORMED_LOGGER)
                          && e.getFormattedMessage().startsWith(MALFORMED_LINE))
              .count();
      List<String> problems =
          logged.stream()
              .filter(TortureServer::isProblem)
              .filter(
                  e ->
                      !(e.getLoggerName().startsWith("gov.nist")
                          && e.getFormattedMessage().startsWith(DISCONNECT_NOISE)))
              .filter(
                  e ->
                      !(e.getLoggerName().startsWith("gov.nist")
                          && e.getFormattedMessage().contains(RECONNECT_NOISE)))
              .map(
                  e ->
                      e.getLevel()
                          + " "
                          + e.getLoggerName()
                          + ": "
                          + e.getFormattedMessage()
                          + (e.getThrowableProxy() == null
                              ? ""
                              : " / " + e.getThrowableProxy().getClassName()))
              .toList();
      reports.add(
          new Report(
              lane,
              List.copyOf(sent),
              expectedMalformed,
              malformed,
              counted,
              udp,
              tcp,
              drained,
              problems));
    } finally {
      server.close();
      server = null;
      sent.clear();
      expectedMalformed = 0;
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
