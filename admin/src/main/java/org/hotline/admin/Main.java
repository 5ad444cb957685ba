package org.hotline.admin;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.hotline.config.ConfigException;
import org.hotline.config.ConfigLoader;
import org.hotline.config.HotlineConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Starts a Hotline server: {@code java -jar hotline.jar [--config FILE]}. Runs until SIGTERM or
 * SIGINT, then drains calls and stops. SIGHUP reloads the IVR flows file (calls in progress finish
 * on the flows they started with; a refused file leaves the flows in service).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Optional<Path> configFile = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--config" -> {
          if (i + 1 >= args.length) {
            fail("--config needs a file");
          }
          configFile = Optional.of(Path.of(args[++i]));
        }
        case "--help", "-h" -> {
          System.out.println(
              "usage: hotline [--config FILE]   (default ./hotline.properties if present)");
          System.out.println(
              "every key can also be set as HOTLINE_A_B_C or -Dhotline.a.b-c; see docs/configuration.md");
          return;
        }
        default -> fail("unknown argument '" + args[i] + "' (try --help)");
      }
    }
    HotlineConfig config;
    try {
      config = ConfigLoader.load(configFile);
    } catch (ConfigException e) {
      fail(e.getMessage());
      return;
    }
    Logger log = LoggerFactory.getLogger(Main.class);
    HotlineServer server = new HotlineServer(config, Clock.systemDefaultZone());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("shutdown requested: draining calls");
                  server.close();
                  stopped.countDown();
                },
                "hotline-shutdown"));
    // Before the start: once /health answers, a SIGHUP must reload, not stop, the server.
    reloadOnHangup(server, log);
    try {
      server.start();
    } catch (Exception e) {
      log.error("Hotline could not start: {}", e.toString(), e);
      System.err.println("hotline: could not start: " + e.getMessage());
      System.exit(1);
    }
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * SIGHUP: reload the flows, as {@code POST /api/admin/reload} does. A process started with SIGHUP
   * ignored ({@code nohup}) keeps ignoring it, and says so.
   */
  private static void reloadOnHangup(HotlineServer server, Logger log) {
    try {
      sun.misc.SignalHandler before =
          sun.misc.Signal.handle(
              new sun.misc.Signal("HUP"),
              signal ->
                  Thread.ofVirtual()
                      .name("hotline-reload")
                      .start(
                          () -> {
                            try {
                              log.info("SIGHUP: {}", server.reloadFlows());
                            } catch (IllegalArgumentException refused) {
                              log.error(
                                  "SIGHUP: flows file refused, the flows in service stay: {}",
                                  refused.getMessage());
                            } catch (IllegalStateException starting) {
                              log.warn("SIGHUP ignored: {}", starting.getMessage());
                            }
                          }));
      if (before == sun.misc.SignalHandler.SIG_IGN) {
        log.warn(
            "SIGHUP is ignored by this process (started with nohup?): reload the flows with POST /api/admin/reload");
      }
    } catch (IllegalArgumentException | UnsupportedOperationException noSignal) {
      log.info("SIGHUP is not available here; reload with POST /api/admin/reload");
    }
  }

  private static void fail(String message) {
    System.err.println("hotline: " + message);
    System.exit(2);
  }
}
