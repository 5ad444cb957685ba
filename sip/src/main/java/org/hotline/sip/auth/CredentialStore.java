package org.hotline.sip.auth;

import java.util.Optional;

/** Where the registrar finds a SIP user's HA1 hash ({@link CredentialCache}, held in memory). */
public interface CredentialStore {
  /**
   * The hex HA1 of {@code user} in {@code realm} for {@code algorithm} ({@code MD5} or {@code
   * SHA-256}); empty for an unknown or disabled user. Called on the SIP stack's threads for every
   * REGISTER: must answer from memory, without I/O.
   */
  Optional<String> ha1(String user, String realm, String algorithm);
}
