package org.hotline.config;

import java.util.List;

/**
 * HTTP server settings: bind address and port of the console, API, CTI and metrics.
 *
 * @param host the address to bind
 * @param port the port to bind; 0 for any free one
 * @param metricsOpen whether {@code /metrics} answers without a login (Prometheus without
 *     credentials); otherwise supervisors and administrators only
 * @param secureCookies whether the session cookie is marked {@code Secure}: browsers send it over
 *     HTTPS only (set behind a TLS-terminating proxy)
 * @param maxConnectionsPerAddress connections one remote address may have open at once; 0 for no
 *     cap
 * @param trustedProxies the reverse proxies whose {@code X-Forwarded-For} tells a request's client
 *     address; none: the header is ignored
 */
public record HttpSettings(
    String host,
    int port,
    boolean metricsOpen,
    boolean secureCookies,
    int maxConnectionsPerAddress,
    List<Cidr> trustedProxies) {
  public HttpSettings {
    trustedProxies = List.copyOf(trustedProxies);
  }

  /** The default of {@code hotline.http.max-connections-per-address}. */
  public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 256;

  /**
   * Settings with {@code /metrics} behind a login, cookies not marked {@code Secure}, the default
   * cap of connections per address and no trusted proxy.
   */
  public HttpSettings(String host, int port) {
    this(host, port, false, false, DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, List.of());
  }
}
