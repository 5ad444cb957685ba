package org.hotline.admin.it.softphone;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.hotline.admin.it.ExternalTool;
import org.hotline.admin.it.FreePorts;
import org.hotline.admin.it.ProjectFiles;
import org.hotline.admin.it.audio.Wav;

/**
 * One headless baresip process with its own configuration folder, driven over {@code ctrl_tcp}.
 *
 * <p>The configuration comes from {@code scripts/softphone/baresip.config}: G.711 only, the phone's
 * microphone is a WAV file ({@code aufile}), the audio it receives is recorded by the {@code
 * sndfile} filter into {@code <home>/rec/dump-<time>-dec.wav}, SIP listens on 127.0.0.1 and
 * messages are traced ({@code -s}) into {@code <home>/baresip.log}.
 */
final class Baresip implements AutoCloseable {
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);
  private static final Path STDBUF = Path.of("/usr/bin/stdbuf");

  final String name;
  final int sipPort;
  private final Path home;
  private final Process process;
  private final CtrlTcpClient control;

  /**
   * Starts baresip with the account line {@code account} (see baresip's {@code accounts} file:
   * {@code <sip:user@host>;param=value...}) and {@code source} as its microphone.
   */
  static Baresip start(String name, Path home, String account, Path source)
      throws IOException, InterruptedException {
    Path program = ExternalTool.require("baresip", "baresip");
    Files.createDirectories(home.resolve("rec"));
    // SIP (UDP+TCP) on base, TLS on base+1, ctrl_tcp on base+2, RTP and RTCP on base+4..base+13.
    int base = FreePorts.consecutive(14);
    String config =
        Files.readString(ProjectFiles.dir("scripts/softphone").resolve("baresip.config"))
            .replace("${SIP_LISTEN}", "127.0.0.1:" + base)
            .replace("${CTRL_LISTEN}", "127.0.0.1:" + (base + 2))
            .replace("${RTP_PORTS}", (base + 4) + "-" + (base + 13))
            .replace("${AUDIO_SOURCE}", "aufile," + source.toAbsolutePath())
            .replace("${MODULE_PATH}", modules().toString())
            .replace("${SND_PATH}", home.resolve("rec").toAbsolutePath().toString())
            .lines()
            .filter(line -> !line.startsWith("#"))
            .collect(Collectors.joining("\n", "", "\n"));
    if (config.contains("${")) {
      throw new IllegalStateException("baresip.config has a placeholder the test does not fill");
    }
    Files.writeString(home.resolve("config"), config);
    Files.writeString(home.resolve("accounts"), account + "\n");
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(STDBUF)) {
      command.addAll(List.of(STDBUF.toString(), "-oL", "-eL")); // the log is readable while it runs
    }
    command.addAll(List.of(program.toString(), "-4", "-s", "-f", home.toAbsolutePath().toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("baresip.log").toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    boolean up = false;
    try {
      CtrlTcpClient control =
          CtrlTcpClient.connect(base + 2, Duration.ofSeconds(10), process::isAlive);
      up = true;
      return new Baresip(name, base, home, process, control);
    } catch (IOException e) {
      throw new IOException(
          name + ": baresip did not come up: " + e.getMessage() + "\n" + tail(home), e);
    } finally {
      if (!up) {
        stop(process);
      }
    }
  }

  /** The folder of baresip's modules (the config must name it; the built-in default is "."). */
  private static Path modules() {
    for (String dir :
        List.of(
            "/usr/lib/baresip/modules",
            "/usr/local/lib/baresip/modules",
            "/usr/lib/x86_64-linux-gnu/baresip/modules",
            "/usr/lib/aarch64-linux-gnu/baresip/modules")) {
      if (Files.exists(Path.of(dir, "ctrl_tcp.so"))) {
        return Path.of(dir);
      }
    }
    throw new IllegalStateException(
        "baresip's modules (ctrl_tcp.so) not found under /usr/lib or /usr/local/lib");
  }

  private Baresip(String name, int sipPort, Path home, Process process, CtrlTcpClient control) {
    this.name = name;
    this.sipPort = sipPort;
    this.home = home;
    this.process = process;
    this.control = control;
  }

  /** Runs a baresip command ({@code dial <uri>}, {@code sndcode 1}, {@code hangup}, ...). */
  JsonNode command(String command, String params) throws IOException, InterruptedException {
    return control.command(command, params, COMMAND_TIMEOUT);
  }

  /** Waits for the first event of {@code type} (e.g. {@code CALL_ESTABLISHED}). */
  JsonNode awaitEvent(String type, Duration timeout) throws InterruptedException {
    return awaitEvent(type, e -> true, timeout);
  }

  JsonNode awaitEvent(String type, Predicate<JsonNode> filter, Duration timeout)
      throws InterruptedException {
    try {
      return control.awaitEvent(type, filter, timeout);
    } catch (AssertionError e) {
      throw new AssertionError(name + ": " + e.getMessage() + "\n" + tail(home), e);
    }
  }

  /** The recording of what this phone received in its call, or null before the call has media. */
  Path received() throws IOException {
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(home.resolve("rec"), "dump-*-dec.wav")) {
      for (Path f : files) {
        return f;
      }
    }
    return null;
  }

  /** Seconds of audio received so far in the call (grows in real time while media flows). */
  double receivedSeconds() throws IOException {
    return Wav.secondsSoFar(received());
  }

  /**
   * Waits until the recording of received audio holds at least {@code seconds}; fails after {@code
   * timeout}.
   */
  void awaitReceived(double seconds, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (receivedSeconds() < seconds) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            name
                + ": received only "
                + receivedSeconds()
                + " s of audio, wanted "
                + seconds
                + " s within "
                + timeout
                + "\n"
                + tail(home));
      }
      Thread.sleep(20);
    }
  }

  /** Baresip's output so far: log lines and the SIP trace (complete once it has exited). */
  String log() throws IOException {
    return new String(Files.readAllBytes(home.resolve("baresip.log")), StandardCharsets.UTF_8);
  }

  /** The events seen so far. */
  List<JsonNode> events() {
    return control.events();
  }

  /**
   * Stops baresip: SIGTERM (it then ends its calls, closes its recordings and flushes its output),
   * SIGKILL after five seconds.
   */
  @Override
  public void close() throws IOException {
    try {
      control.close();
    } finally {
      stop(process);
    }
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static String tail(Path home) {
    try {
      List<String> lines =
          new String(Files.readAllBytes(home.resolve("baresip.log")), StandardCharsets.UTF_8)
              .lines()
              .toList();
      return "--- baresip.log (last lines) ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no baresip.log: " + e + ")";
    }
  }
}
