package org.hotline.core.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DigestHashTest {
  // RFC 7616 §3.9.1: the same request answered with MD5 and with SHA-256.
  static final String USER = "Mufasa";
  static final String REALM = "http-auth@example.org";
  static final String PASSWORD = "Circle of Life";
  static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
  static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

  static String response(String algorithm, String ha1) {
    String ha2 = DigestHash.hash(algorithm, "GET:/dir/index.html");
    return DigestHash.hash(algorithm, ha1 + ":" + NONCE + ":00000001:" + CNONCE + ":auth:" + ha2);
  }

  @Test
  void md5Ha1_givesTheRfc7616Md5Response() {
    assertEquals(
        "8ca523f5e9506fed4657c9700eebdbec",
        response("MD5", DigestHash.md5Ha1(USER, REALM, PASSWORD)));
  }

  @Test
  void sha256Ha1_givesTheRfc7616Sha256Response() {
    assertEquals(
        "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
        response("SHA-256", DigestHash.sha256Ha1(USER, REALM, PASSWORD)));
  }

  @Test
  void md5Ha1_matchesTheRfc2617Example() {
    assertEquals(
        "939e7578ed9e3c518a452acee763bce9",
        DigestHash.md5Ha1("Mufasa", "testrealm@host.com", "Circle Of Life"));
  }

  @Test
  void hex_isLowerCase() {
    assertEquals("00ff0a", DigestHash.hex(new byte[] {0, (byte) 0xff, 10}));
  }

  @Test
  void supports_onlyMd5AndSha256_inAnyCase() {
    assertTrue(DigestHash.supports("md5"));
    assertTrue(DigestHash.supports("sha-256"));
    assertFalse(DigestHash.supports("SHA-512-256"));
    assertFalse(DigestHash.supports(null));
    assertThrows(IllegalArgumentException.class, () -> DigestHash.hash("SHA-1", "x"));
  }
}
