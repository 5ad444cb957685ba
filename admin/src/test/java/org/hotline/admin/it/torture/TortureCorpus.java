package org.hotline.admin.it.torture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The RFC 4475 torture messages, bit-exact, kept in the test resources beside this class ({@code
 * rfc4475/}, with their SHA256SUMS and where they come from in its README; git leaves their line
 * endings alone, see {@code .gitattributes}).
 */
final class TortureCorpus {
  static final String FOLDER = "rfc4475";

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
          throw new IllegalStateException(
              name + " is not the RFC 4475 message (SHA256SUMS differs): was it normalised?");
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

  /** The folder of the messages, as copied beside this class on the test classpath. */
  static Path locate() {
    URL sums = TortureCorpus.class.getResource(FOLDER + "/SHA256SUMS");
    if (sums == null) {
      throw new IllegalStateException(
          "the RFC 4475 torture messages are not on the test classpath: " + FOLDER);
    }
    try {
      return Path.of(sums.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
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
