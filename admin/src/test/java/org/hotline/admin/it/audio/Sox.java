package org.hotline.admin.it.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotline.admin.it.ExternalTool;

/** Audio for test callers, synthesized with sox (Debian package sox) as 8 kHz G.711. */
public final class Sox {
  private Sox() {}

  /** The DTMF frequency pair of each key: row (low) and column (high) tones. */
  private static final String KEYS = "123A456B789C*0#D";

  private static final int[] ROWS = {697, 770, 852, 941};
  private static final int[] COLUMNS = {1209, 1336, 1477, 1633};

  /**
   * In-band DTMF as µ-law: {@code lead} of silence, then each key of {@code keys} as its two tones
   * for {@code toneMillis} at about -10 dBFS each, followed by {@code gapMillis} of silence.
   */
  public static byte[] dtmfUlaw(
      Path dir, String keys, int leadMillis, int toneMillis, int gapMillis) throws Exception {
    List<Path> parts = new ArrayList<>();
    parts.add(silence(dir, "lead", leadMillis));
    for (int i = 0; i < keys.length(); i++) {
      int k = KEYS.indexOf(keys.charAt(i));
      if (k < 0) {
        throw new IllegalArgumentException("not a DTMF key: " + keys.charAt(i));
      }
      Path tone = dir.resolve("key" + i + ".wav");
      sox(
          "-n",
          "-r",
          "8000",
          "-c",
          "1",
          "-b",
          "16",
          "-e",
          "signed",
          tone.toString(),
          "synth",
          seconds(toneMillis),
          "sine",
          String.valueOf(ROWS[k / 4]),
          "sine",
          String.valueOf(COLUMNS[k % 4]),
          "channels",
          "1",
          "gain",
          "-n",
          "-4");
      parts.add(tone);
      parts.add(silence(dir, "gap" + i, gapMillis));
    }
    return ulaw(dir, "dtmf", parts);
  }

  /**
   * A sine of {@code frequency} Hz for {@code millis} after {@code leadMillis} of silence, as
   * µ-law.
   */
  public static byte[] toneUlaw(Path dir, int leadMillis, double frequency, int millis)
      throws Exception {
    Path tone = dir.resolve("tone.wav");
    sox(
        "-n",
        "-r",
        "8000",
        "-c",
        "1",
        "-b",
        "16",
        "-e",
        "signed",
        tone.toString(),
        "synth",
        seconds(millis),
        "sine",
        String.valueOf(frequency),
        "vol",
        "0.3");
    return ulaw(dir, "tone", List.of(silence(dir, "tone-lead", leadMillis), tone));
  }

  private static Path silence(Path dir, String name, int millis) throws Exception {
    Path file = dir.resolve(name + ".wav");
    sox(
        "-n",
        "-r",
        "8000",
        "-c",
        "1",
        "-b",
        "16",
        "-e",
        "signed",
        file.toString(),
        "trim",
        "0",
        seconds(millis));
    return file;
  }

  private static byte[] ulaw(Path dir, String name, List<Path> parts) throws Exception {
    Path out = dir.resolve(name + ".ul");
    List<String> args = new ArrayList<>();
    parts.forEach(p -> args.add(p.toString()));
    args.addAll(List.of("-t", "raw", "-r", "8000", "-c", "1", "-e", "u-law", out.toString()));
    sox(args.toArray(String[]::new));
    return Files.readAllBytes(out);
  }

  private static String seconds(int millis) {
    return String.valueOf(millis / 1000.0);
  }

  private static void sox(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ExternalTool.require("sox", "sox").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    assertEquals(0, p.exitValue(), "sox " + String.join(" ", args) + ": " + output);
  }
}
