package org.hotline.core.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHashTest {
  final PasswordHash hasher = new PasswordHash();

  @Test
  void hash_storesSchemeIterationsSaltAndHash_atLeast210000Iterations() {
    String[] parts = hasher.hash("correct horse").split("\\$");

    assertEquals(4, parts.length);
    assertEquals("pbkdf2-sha256", parts[0]);
    assertTrue(Integer.parseInt(parts[1]) >= 210_000);
    assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
    assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
  }

  @Test
  void theSamePassword_getsADifferentSaltAndHashEachTime_andBothVerify() {
    String a = hasher.hash("correct horse");
    String b = hasher.hash("correct horse");

    assertNotEquals(a.split("\\$")[2], b.split("\\$")[2]);
    assertNotEquals(a, b);
    assertTrue(hasher.verify("correct horse", a));
    assertTrue(hasher.verify("correct horse", b));
  }

  @Test
  void aWrongPassword_doesNotVerify() {
    String stored = hasher.hash("correct horse");

    assertFalse(hasher.verify("correct horsE", stored));
    assertFalse(hasher.verify("", stored));
    assertFalse(hasher.verify(null, stored));
  }

  @Test
  void aTamperedHash_verifiesNothing() {
    String stored = hasher.hash("密码 with ünïcode");
    String[] p = stored.split("\\$");
    byte[] hash = Base64.getDecoder().decode(p[3]);
    hash[0] ^= 1;
    String flipped =
        p[0]
            + "$"
            + p[1]
            + "$"
            + p[2]
            + "$"
            + Base64.getEncoder().withoutPadding().encodeToString(hash);

    assertTrue(hasher.verify("密码 with ünïcode", stored));
    assertFalse(hasher.verify("密码 with ünïcode", flipped));
    assertFalse(
        hasher.verify("密码 with ünïcode", p[0] + "$1$" + p[2] + "$" + p[3]),
        "too few iterations are not trusted");
    assertFalse(hasher.verify("密码 with ünïcode", p[0] + "$" + p[1] + "$" + p[2]));
    assertFalse(hasher.verify("密码 with ünïcode", "md5$" + p[1] + "$" + p[2] + "$" + p[3]));
    assertFalse(hasher.verify("密码 with ünïcode", p[0] + "$" + p[1] + "$!!$" + p[3]));
    assertFalse(hasher.verify("密码 with ünïcode", p[0] + "$99999999999$" + p[2] + "$" + p[3]));
    assertFalse(hasher.verify("x", null));
  }
}
