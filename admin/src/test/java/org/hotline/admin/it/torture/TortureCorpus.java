package org.hotline.admin.it.torture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The RFC 4475 torture messages, bit-exact, from {@code shared/sip-torture/rfc4475}: found through
 * {@code HOTLINE_SHARED_DIR} (set by failsafe) or by walking up from the working folder to a
 * sibling {@code shared}. Missing: the tests fail when {@code CI=true}, are skipped otherwise.
 */
final class TortureCorpus {
  static final String FOLDER = "sip-torture/rfc4475";

  private TortureCorpus() {}

  /** Every case, UDP then TCP, ordered by lane (see {@link #lanes}). */
  static List<TortureCase> cases() {
    Path dir = locate();
    Map<String, String> sums = checksums(dir);
    List<TortureCase> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".dat")).sorted().toList()) {
        String name = f.getFileName().toString();
        byte[] bytes = Files.readAllBytes(f);
        String expected = sums.get(name);
        if (expected == null || !expected.equals(sha256(bytes))) {
          throw new IllegalStateException(name + " is not the RFC 4475 message (SHA256SUMS differs): was it normalised?");
        }
        Verdict udp = Verdicts.DATAGRAM.get(name);
        if (udp == null) {
          throw new IllegalStateException("no verdict for " + name + ": add it to Verdicts");
        }
        cases.add(new TortureCase(name, bytes, TortureCase.Transport.UDP, udp));
        Verdict tcp = Verdicts.STREAM.get(name);
        if (tcp != null) {
          cases.add(new TortureCase(name, bytes, TortureCase.Transport.TCP, tcp));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lanes(cases);
  }

  /**
   * JAIN-SIP keys a server transaction by the top Via branch alone and keeps it 32 s (RFC 3261
   * Timer J), and many RFC 4475 messages share a branch ({@code z9hG4bKkdjuw}): on one server the
   * second would be taken for a retransmission of the first. So each case goes to the first lane
   * (server) that has not seen its branch yet.
   */
  static List<TortureCase> lanes(List<TortureCase> cases) {
    Map<String, Integer> uses = new HashMap<>();
    List<TortureCase> laned = new ArrayList<>();
    for (TortureCase c : cases) {
      int lane = uses.merge(c.branchKey(), 1, Integer::sum);
      laned.add(c.inLane(lane));
    }
    laned.sort(java.util.Comparator.comparingInt(TortureCase::lane));
    return laned;
  }

  static Path locate() {
    Optional<Path> dir = find();
    if (dir.isEmpty()) {
      String why = "RFC 4475 torture messages not found: set HOTLINE_SHARED_DIR or put them in ../shared/" + FOLDER;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(why);
      }
      Assumptions.abort(why);
    }
    return dir.get();
  }

  private static Optional<Path> find() {
    String env = System.getenv("HOTLINE_SHARED_DIR");
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env).resolve(FOLDER);
      if (Files.isRegularFile(p.resolve("README.md"))) {
        return Optional.of(p);
      }
    }
    for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
      Path p = at.resolve("shared").resolve(FOLDER);
      if (Files.isRegularFile(p.resolve("README.md"))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static Map<String, String> checksums(Path dir) {
    Map<String, String> sums = new HashMap<>();
    try {
      for (String line : Files.readAllLines(dir.resolve("SHA256SUMS"))) {
        String[] parts = line.trim().split("\\s+\\*?", 2);
        if (parts.length == 2) {
          sums.put(parts[1], parts[0].toLowerCase(java.util.Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sums;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
