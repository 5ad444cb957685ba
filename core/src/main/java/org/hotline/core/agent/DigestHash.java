package org.hotline.core.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The hashes of HTTP/SIP digest authentication (RFC 7616, used by SIP through RFC 3261 §22.4 and
 * RFC 8760): {@code HA1 = H(username ":" realm ":" password)} as lower-case hex, with H being MD5
 * or SHA-256. Text is hashed as UTF-8 (RFC 7616 §4, {@code charset=UTF-8}).
 */
public final class DigestHash {
  /** The algorithm name of MD5 in digest headers. */
  public static final String MD5 = "MD5";

  /** The algorithm name of SHA-256 in digest headers. */
  public static final String SHA_256 = "SHA-256";

  private static final HexFormat HEX = HexFormat.of();

  private DigestHash() {}

  /** HA1 with MD5: {@code MD5(user:realm:password)} in lower-case hex (32 characters). */
  public static String md5Ha1(String user, String realm, String password) {
    return hash(MD5, user + ":" + realm + ":" + password);
  }

  /** HA1 with SHA-256: {@code SHA-256(user:realm:password)} in lower-case hex (64 characters). */
  public static String sha256Ha1(String user, String realm, String password) {
    return hash(SHA_256, user + ":" + realm + ":" + password);
  }

  /**
   * {@code H(text)} with {@code algorithm} ({@code MD5} or {@code SHA-256}, any case) in lower-case
   * hex; what a registrar needs for HA2 and the response.
   *
   * @throws IllegalArgumentException for any other algorithm
   */
  public static String hash(String algorithm, String text) {
    return hex(digest(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code bytes} as lower-case hex. */
  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /**
   * Whether {@code algorithm} is one this class hashes with ({@code MD5} or {@code SHA-256}, any
   * case).
   */
  public static boolean supports(String algorithm) {
    return algorithm != null
        && (MD5.equalsIgnoreCase(algorithm) || SHA_256.equalsIgnoreCase(algorithm));
  }

  private static MessageDigest digest(String algorithm) {
    if (!supports(algorithm)) {
      throw new IllegalArgumentException(
          "unsupported digest algorithm " + algorithm + ": use MD5 or SHA-256");
    }
    try {
      return MessageDigest.getInstance(algorithm.toUpperCase(Locale.ROOT));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides " + algorithm, e);
    }
  }
}
