package org.hotline.sip.auth;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The SIP users' HA1 hashes held in memory, so that authenticating a REGISTER reads no database and
 * can run on the SIP stack's thread. Read whole at start and again through {@link #reload} whenever
 * an agent is created, changed or disabled, so it stays true to the agents' table.
 */
public final class CredentialCache implements CredentialStore {
  private final String realm;
  private final Supplier<Map<String, Map<String, String>>> source;
  private volatile Map<String, Map<String, String>> byUser;

  /**
   * @param realm the only realm whose credentials it holds
   * @param source every enabled user's HA1 by user and algorithm ({@code MD5}, {@code SHA-256});
   *     called at once and on every {@link #reload}
   */
  public CredentialCache(String realm, Supplier<Map<String, Map<String, String>>> source) {
    this.realm = realm;
    this.source = source;
    this.byUser = Map.copyOf(source.get());
  }

  /** Reads every user's credentials again. */
  public void reload() {
    byUser = Map.copyOf(source.get());
  }

  @Override
  public Optional<String> ha1(String user, String realm, String algorithm) {
    if (!this.realm.equals(realm) || user == null || algorithm == null) {
      return Optional.empty();
    }
    Map<String, String> hashes = byUser.get(user);
    return hashes == null
        ? Optional.empty()
        : Optional.ofNullable(hashes.get(algorithm.toUpperCase(Locale.ROOT)));
  }

  /** Users held. */
  public int size() {
    return byUser.size();
  }
}
