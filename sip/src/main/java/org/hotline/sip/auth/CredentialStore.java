package org.hotline.sip.auth;

import java.util.Optional;

/** Where the registrar finds a SIP user's HA1 hash; implemented over the agent repository. */
public interface CredentialStore {
  /**
   * The hex HA1 of {@code user} in {@code realm} for {@code algorithm} ({@code MD5} or
   * {@code SHA-256}); empty for an unknown or disabled user. May do I/O: never called on a SIP
   * stack thread.
   */
  Optional<String> ha1(String user, String realm, String algorithm);
}
