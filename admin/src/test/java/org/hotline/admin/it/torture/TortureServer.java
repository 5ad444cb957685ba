package org.hotline.admin.it.torture;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotline.admin.it.RunningServer;
import org.slf4j.LoggerFactory;

/** A {@link RunningServer} for the torture test that also records what is logged while it runs. */
final class TortureServer implements AutoCloseable {
  final int sipPort;
  private final RunningServer server;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  TortureServer() throws Exception {
    server = new RunningServer(Map.of());
    sipPort = server.sipPort;
    log.start();
    root().addAppender(log);
  }

  /** Everything logged since the server was up. */
  List<ILoggingEvent> logged() {
    synchronized (log.list) {
      return List.copyOf(log.list);
    }
  }

  /**
   * The sum of the samples of Prometheus metric {@code name} (all label sets), or null if absent.
   */
  Double metric(String name) throws IOException, InterruptedException {
    Double sum = null;
    for (String line : get("/metrics").split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        sum = sum == null ? v : sum + v;
      }
    }
    return sum;
  }

  /** Whether {@code hotline_calls_active} gets back to 0 within {@code wait}. */
  boolean callsDrain(Duration wait) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      Double active = metric("hotline_calls_active");
      if (active != null && active == 0) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(200);
    }
  }

  /** Status of the answer to a plain, well-formed OPTIONS over UDP or TCP, -1 if none. */
  int options(TortureCase.Transport transport) throws IOException {
    String via = transport == TortureCase.Transport.UDP ? "UDP" : "TCP";
    String callId = "keeps-serving-" + System.nanoTime();
    String request =
        "OPTIONS sip:100@127.0.0.1:"
            + sipPort
            + " SIP/2.0\r\n"
            + "Via: SIP/2.0/"
            + via
            + " 127.0.0.1:9;branch=z9hG4bK-"
            + callId
            + ";rport\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: <sip:torture@127.0.0.1>;tag="
            + callId
            + "\r\n"
            + "To: <sip:100@127.0.0.1>\r\n"
            + "Call-ID: "
            + callId
            + "\r\n"
            + "CSeq: 1 OPTIONS\r\n"
            + "Content-Length: 0\r\n\r\n";
    byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
    SipClient.Exchange e =
        transport == TortureCase.Transport.UDP
            ? SipClient.udp(sipPort, bytes, Duration.ofSeconds(5), Duration.ZERO)
            : SipClient.tcp(sipPort, bytes, Duration.ofSeconds(2));
    SipResponse r = e.firstFinal();
    return r == null ? -1 : r.status();
  }

  private String get(String path) throws IOException, InterruptedException {
    return server.get(path);
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  static boolean isProblem(ILoggingEvent e) {
    return e.getLevel().isGreaterOrEqual(Level.ERROR) || e.getThrowableProxy() != null;
  }

  @Override
  public void close() {
    root().detachAppender(log);
    log.stop();
    server.close();
  }
}
