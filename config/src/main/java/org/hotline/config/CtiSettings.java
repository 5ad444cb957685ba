package org.hotline.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CTI bridge: how long a login lasts and who may connect as an integration.
 *
 * @param tokenTtl how long a session token from {@code POST /api/login} stays valid; a CTI
 *     connection open when it runs out is closed
 * @param integrations the passwords of the integration users (CRMs, wallboards), by user name, in
 *     the order configured; an integration sees every agent's events
 */
public record CtiSettings(Duration tokenTtl, Map<String, String> integrations) {
  public CtiSettings {
    integrations = Collections.unmodifiableMap(new LinkedHashMap<>(integrations));
  }

  /** Names the integrations and keeps their passwords out of logs. */
  @Override
  public String toString() {
    return "CtiSettings[tokenTtl=" + tokenTtl + ", integrations=" + integrations.keySet() + "]";
  }
}
