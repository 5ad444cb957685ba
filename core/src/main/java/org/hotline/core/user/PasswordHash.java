package org.hotline.core.user;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Slow salted password hashes, of administrators' and supervisors' passwords and of agents' desk
 * passwords: PBKDF2-HMAC-SHA256 from the JDK, a random 128-bit salt per password and {@link
 * #ITERATIONS} iterations (OWASP's 2023 floor), stored as {@code
 * pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64, no padding) so the cost can rise later and old
 * hashes still verify.
 *
 * <p>Verification compares in constant time; a stored value that is not such a hash (tampered, cut,
 * another scheme) verifies nothing. A hash costs about a tenth of a second of one core, on purpose:
 * logins are slowed down and locked out before that adds up.
 */
public final class PasswordHash {
  /** The iterations new hashes get. */
  public static final int ITERATIONS = 210_000;

  /** The scheme's name, the stored value's first field. */
  static final String SCHEME = "pbkdf2-sha256";

  /** Iterations a stored hash may ask for: fewer is too weak to trust, more would stall a login. */
  static final int MIN_ITERATIONS = 100_000;

  static final int MAX_ITERATIONS = 10_000_000;

  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final int iterations;

  /** Hashes with {@link #ITERATIONS}. */
  public PasswordHash() {
    this(ITERATIONS);
  }

  /**
   * Hashes with {@code iterations}: fewer than {@link #ITERATIONS} only for tests, which would
   * otherwise spend seconds hashing. A hasher verifies hashes of at least the fewer of its own
   * iterations and {@link #MIN_ITERATIONS}.
   */
  public PasswordHash(int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations: " + iterations);
    }
    this.iterations = iterations;
  }

  /** The stored form of {@code password}, with a new random salt. */
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return SCHEME
        + "$"
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(derive(password, salt, iterations));
  }

  /**
   * Whether {@code password} is the one {@code stored} was made from; false for anything that is
   * not a hash.
   */
  public boolean verify(String password, String stored) {
    if (password == null || stored == null) {
      return false;
    }
    String[] parts = stored.split("\\$", -1);
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return false;
    }
    int n;
    byte[] salt;
    byte[] expected;
    try {
      n = Integer.parseInt(parts[1]);
      salt = Base64.getDecoder().decode(parts[2]);
      expected = Base64.getDecoder().decode(parts[3]);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (n < Math.min(MIN_ITERATIONS, iterations)
        || n > MAX_ITERATIONS
        || salt.length != SALT_BYTES
        || expected.length != HASH_BITS / 8) {
      return false;
    }
    return MessageDigest.isEqual(expected, derive(password, salt, n));
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
    } finally {
      spec.clearPassword();
    }
  }
}
