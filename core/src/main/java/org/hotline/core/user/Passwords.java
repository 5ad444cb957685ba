package org.hotline.core.user;

import java.security.SecureRandom;
import java.util.Base64;

/** Makes the passwords Hotline chooses itself: for {@code admin}, demo agents, new agents. */
public final class Passwords {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {}

  /**
   * A password of {@code bytes} random bytes, written in URL-safe Base64 without padding (4
   * characters for every 3 bytes): letters, digits, '-' and '_', which every phone's settings
   * screen and every shell take as they are.
   */
  public static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
