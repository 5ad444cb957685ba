package org.hotline.admin.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs SIPp (Debian's sip-tester) with a scenario from {@code scripts/sipp}, bounded in time, and
 * reports its exit code and output. SIPp exits 0 when every call succeeded.
 */
final class Sipp {
  static final Path SCENARIOS = ProjectFiles.dir("scripts/sipp");

  private final List<String> args = new ArrayList<>();
  private Process process;
  private Path log;

  /** Where SIPp runs: scenarios name their pcap files relative to it. */
  private Path workDir = SCENARIOS;

  Sipp(String scenario, String... more) {
    args.add(ExternalTool.require("sipp", "sip-tester").toString());
    args.add("-sf");
    args.add(SCENARIOS.resolve(scenario).toString());
    args.add("-i");
    args.add("127.0.0.1");
    args.add("-nostdin");
    args.addAll(List.of(more));
  }

  /**
   * A SIPp client of {@code server} running {@code scenario} as {@code service} (-s), from a free
   * SIP port and a free media port; {@code more} adds options (-m, -r, -d, -timeout...).
   */
  static Sipp client(RunningServer server, String scenario, String service, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "127.0.0.1:" + server.sipPort,
                "-s",
                service,
                "-p",
                String.valueOf(FreePorts.udpAndTcp()),
                "-mp",
                String.valueOf(FreePorts.consecutive(4))));
    args.addAll(List.of(more));
    return new Sipp(scenario, args.toArray(String[]::new));
  }

  /** A SIPp phone listening on {@code port} with {@code scenario} (an agent's phone). */
  static Sipp phone(String scenario, int port, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("-p", String.valueOf(port), "-mp", String.valueOf(FreePorts.consecutive(4))));
    args.addAll(List.of(more));
    return new Sipp(scenario, args.toArray(String[]::new));
  }

  /**
   * Sends from {@code address} (another 127.x address stands in for another source) instead of
   * 127.0.0.1.
   */
  Sipp from(String address) {
    args.set(args.indexOf("-i") + 1, address);
    return this;
  }

  /**
   * Runs SIPp in {@code dir} instead of {@code scripts/sipp}: scenarios find the files they name
   * relative to it (the {@code caller.pcap} a test writes for {@code uac-call-*-play-pcap*.xml}).
   */
  Sipp in(Path dir) {
    this.workDir = dir;
    return this;
  }

  /** Starts SIPp in the background. */
  Sipp start() throws IOException {
    log = Files.createTempFile("sipp", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.directory(workDir.toFile());
    process = builder.start();
    return this;
  }

  /** Waits for SIPp to end (killing it after {@code seconds}); returns its exit code. */
  int await(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      return -999;
    }
    return process.exitValue();
  }

  /** Runs to the end; returns the exit code. */
  int run(long seconds) throws IOException, InterruptedException {
    start();
    return await(seconds);
  }

  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  /** The last lines SIPp printed, for assertion messages. */
  String output() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }
}
