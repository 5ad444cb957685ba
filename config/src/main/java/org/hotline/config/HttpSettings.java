package org.hotline.config;

/**
 * HTTP server settings: bind address and port of the console, API, CTI and metrics.
 *
 * @param host the address to bind
 * @param port the port to bind; 0 for any free one
 * @param metricsOpen whether {@code /metrics} answers without a login (Prometheus without
 *     credentials); otherwise supervisors and administrators only
 * @param secureCookies whether the session cookie is marked {@code Secure}: browsers send it over
 *     HTTPS only (set behind a TLS-terminating proxy)
 */
public record HttpSettings(String host, int port, boolean metricsOpen, boolean secureCookies) {
  /** Settings with {@code /metrics} behind a login and cookies not marked {@code Secure}. */
  public HttpSettings(String host, int port) {
    this(host, port, false, false);
  }
}
