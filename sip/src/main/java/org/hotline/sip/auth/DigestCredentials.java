package org.hotline.sip.auth;

/**
 * The fields of a digest {@code Authorization} header that the check needs (RFC 7616 section 3.4).
 *
 * @param algorithm {@code MD5} or {@code SHA-256} (null means MD5)
 * @param qop {@code auth} or null (RFC 2069 compatibility)
 * @param nonceCount the {@code nc} value as sent, or null without qop
 */
public record DigestCredentials(
    String username,
    String realm,
    String nonce,
    String uri,
    String response,
    String algorithm,
    String qop,
    String nonceCount,
    String cnonce) {

  /** The algorithm, defaulting to MD5 as RFC 7616 says. */
  public String algorithmOrDefault() {
    return algorithm == null || algorithm.isBlank() ? "MD5" : algorithm;
  }
}
