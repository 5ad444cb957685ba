package org.hotline.admin.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an agent's softphone registers with, as the desktop shows it to an agent whose phone is not
 * registered: their SIP user, and the server's SIP host and port.
 *
 * @param sipUserOf an agent's SIP user, by agent id
 * @param host the host phones reach (hotline.sip.advertised-host); empty when the page's own host
 *     is the one to use
 * @param port the SIP port (UDP and TCP)
 */
public record PhoneAccounts(Function<String, Optional<String>> sipUserOf, String host, int port) {
  /** No phone settings: the login answer has none. */
  public static final PhoneAccounts NONE = new PhoneAccounts(id -> Optional.empty(), "", 0);

  /** {@code {"user", "host"?, "port"}} for {@code agentId}, or empty for an agent unknown here. */
  Optional<Map<String, Object>> of(String agentId) {
    return sipUserOf
        .apply(agentId)
        .map(
            user -> {
              Map<String, Object> phone = new LinkedHashMap<>();
              phone.put("user", user);
              if (!host.isEmpty()) {
                phone.put("host", host);
              }
              phone.put("port", port);
              return phone;
            });
  }
}
