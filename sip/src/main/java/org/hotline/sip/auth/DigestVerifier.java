package org.hotline.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a digest response against a stored HA1 (RFC 7616 section 3.4.1, and RFC 2617 for clients
 * that send no qop). Only {@code qop=auth} is supported; {@code auth-int} and the {@code -sess}
 * algorithms are refused.
 */
public final class DigestVerifier {
  private DigestVerifier() {}

  /**
   * Whether {@code c} proves knowledge of the password behind {@code ha1} for {@code method}.
   *
   * @param ha1 hex H(username:realm:password) in the algorithm of {@code c}
   */
  public static boolean verify(DigestCredentials c, String method, String ha1) {
    Optional<String> algorithm = javaAlgorithm(c.algorithmOrDefault());
    if (algorithm.isEmpty() || c.response() == null || c.uri() == null || c.nonce() == null) {
      return false;
    }
    String ha2 = hash(algorithm.get(), method + ":" + c.uri());
    String expected;
    if (c.qop() == null) {
      expected = hash(algorithm.get(), ha1 + ":" + c.nonce() + ":" + ha2);
    } else if ("auth".equalsIgnoreCase(c.qop()) && c.nonceCount() != null && c.cnonce() != null) {
      expected =
          hash(
              algorithm.get(),
              ha1 + ":" + c.nonce() + ":" + c.nonceCount() + ":" + c.cnonce() + ":auth:" + ha2);
    } else {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        c.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }

  /** The JCA name of a digest algorithm token, or empty when not supported. */
  public static Optional<String> javaAlgorithm(String token) {
    return switch (token.toUpperCase(Locale.ROOT)) {
      case "MD5" -> Optional.of("MD5");
      case "SHA-256" -> Optional.of("SHA-256");
      default -> Optional.empty();
    };
  }

  /** Lower-case hex digest of {@code text} (UTF-8). */
  public static String hash(String javaAlgorithm, String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance(javaAlgorithm)
                  .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(javaAlgorithm + " unavailable", e);
    }
  }
}
