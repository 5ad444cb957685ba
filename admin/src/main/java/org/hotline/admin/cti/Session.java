package org.hotline.admin.cti;

import java.time.Instant;
import java.util.Objects;
import org.hotline.core.user.Role;
import org.hotline.cti.bridge.CtiUsers.User;
import org.hotline.cti.protocol.CtiMessage;

/**
 * A login: the token that stands for it, who logged in and until when it holds.
 *
 * @param token the secret the client shows ({@code ?token=} or the {@code hotline_session} cookie)
 * @param user who logged in; an agent's name is their agent id
 * @param expiresAt when the token stops being accepted
 * @param csrfToken the secret a page sends in {@code X-CSRF-Token} with each write it makes with
 *     the session cookie; given at login, never in a cookie
 */
public record Session(String token, User user, Instant expiresAt, String csrfToken) {
  public Session {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(csrfToken, "csrfToken");
  }

  /**
   * A session whose CSRF token is its token's (for tests and clients that never use the cookie).
   */
  public Session(String token, User user, Instant expiresAt) {
    this(token, user, expiresAt, token);
  }

  /** Whether the session is an agent's. */
  public boolean isAgent() {
    return user.role() == Role.AGENT;
  }

  /**
   * Whether the session may send CTI commands: agents and integrations; a supervisor only watches.
   */
  public boolean mayCommand() {
    return user.role() == Role.AGENT || user.role() == Role.INTEGRATION;
  }

  /**
   * Whether {@code message} is for this session: an integration or a supervisor sees every message,
   * an agent those about themselves and those about no agent.
   */
  public boolean sees(CtiMessage message) {
    return !isAgent() || message.aboutAgent().map(user.name()::equals).orElse(true);
  }

  /** Who logged in, for log lines, without the token. */
  @Override
  public String toString() {
    return "Session[user="
        + user.name()
        + ", role="
        + user.role().id()
        + ", expiresAt="
        + expiresAt
        + "]";
  }
}
