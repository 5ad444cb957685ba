package org.hotline.sip.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DigestVerifierTest {
  private static final String NONCE = "dcd98b7102dd2f0e8b11d0f600bfb0c093";

  private static String ha1(String alg, String password) {
    return DigestVerifier.hash(alg, "1001:hotline:" + password);
  }

  /** A response computed the way a client does (RFC 7616 section 3.4.1). */
  private static String clientResponse(String alg, String password, String nc, String cnonce) {
    String ha2 = DigestVerifier.hash(alg, "REGISTER:sip:127.0.0.1");
    return DigestVerifier.hash(
        alg, ha1(alg, password) + ":" + NONCE + ":" + nc + ":" + cnonce + ":auth:" + ha2);
  }

  private static DigestCredentials creds(String alg, String response) {
    return new DigestCredentials(
        "1001", "hotline", NONCE, "sip:127.0.0.1", response, alg, "auth", "00000001", "0a4f113b");
  }

  @Test
  void rfc2617Example_md5HashesMatchTheKnownValue() {
    // RFC 2617 section 3.5: Mufasa / Circle Of Life in testrealm@host.com.
    String ha1 = DigestVerifier.hash("MD5", "Mufasa:testrealm@host.com:Circle Of Life");
    String ha2 = DigestVerifier.hash("MD5", "GET:/dir/index.html");
    String response =
        DigestVerifier.hash(
            "MD5", ha1 + ":dcd98b7102dd2f0e8b11d0f600bfb0c093:00000001:0a4f113b:auth:" + ha2);
    assertEquals("6629fae49393a05397450978507c4ef1", response);
  }

  @Test
  void md5WithQopAuth_rightPassword_verifies() {
    DigestCredentials c = creds("MD5", clientResponse("MD5", "secret", "00000001", "0a4f113b"));
    assertTrue(DigestVerifier.verify(c, "REGISTER", ha1("MD5", "secret")));
  }

  @Test
  void sha256WithQopAuth_rightPassword_verifies() {
    DigestCredentials c =
        creds("SHA-256", clientResponse("SHA-256", "secret", "00000001", "0a4f113b"));
    assertTrue(DigestVerifier.verify(c, "REGISTER", ha1("SHA-256", "secret")));
  }

  @Test
  void wrongPassword_doesNotVerify() {
    DigestCredentials c = creds("MD5", clientResponse("MD5", "guess", "00000001", "0a4f113b"));
    assertFalse(DigestVerifier.verify(c, "REGISTER", ha1("MD5", "secret")));
  }

  @Test
  void otherMethod_doesNotVerify() {
    DigestCredentials c = creds("MD5", clientResponse("MD5", "secret", "00000001", "0a4f113b"));
    assertFalse(DigestVerifier.verify(c, "INVITE", ha1("MD5", "secret")));
  }

  @Test
  void unsupportedAlgorithmOrQop_isRefused() {
    DigestCredentials sess =
        new DigestCredentials(
            "1001", "hotline", NONCE, "sip:127.0.0.1", "x", "MD5-sess", "auth", "00000001", "c");
    assertFalse(DigestVerifier.verify(sess, "REGISTER", ha1("MD5", "secret")));
    DigestCredentials authInt =
        new DigestCredentials(
            "1001", "hotline", NONCE, "sip:127.0.0.1", "x", "MD5", "auth-int", "00000001", "c");
    assertFalse(DigestVerifier.verify(authInt, "REGISTER", ha1("MD5", "secret")));
  }

  @Test
  void noQop_rfc2069Style_verifies() {
    String ha2 = DigestVerifier.hash("MD5", "REGISTER:sip:127.0.0.1");
    String response = DigestVerifier.hash("MD5", ha1("MD5", "secret") + ":" + NONCE + ":" + ha2);
    DigestCredentials c =
        new DigestCredentials(
            "1001", "hotline", NONCE, "sip:127.0.0.1", response, null, null, null, null);
    assertTrue(DigestVerifier.verify(c, "REGISTER", ha1("MD5", "secret")));
  }
}
