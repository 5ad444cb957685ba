package org.hotline.admin.cti;

import java.time.Instant;
import java.util.Objects;
import org.hotline.cti.bridge.CtiMessage;
import org.hotline.cti.bridge.CtiUsers.Role;
import org.hotline.cti.bridge.CtiUsers.User;

/**
 * A login: the token that stands for it, who logged in and until when it holds.
 *
 * @param token the secret the client shows ({@code ?token=} or the {@code hotline_session} cookie)
 * @param user who logged in; an agent's name is their agent id
 * @param expiresAt when the token stops being accepted
 */
public record Session(String token, User user, Instant expiresAt) {
  public Session {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Whether the session is an agent's. */
  public boolean isAgent() {
    return user.role() == Role.AGENT;
  }

  /**
   * Whether {@code message} is for this session: an integration sees every message, an agent
   * those about themselves and those about no agent.
   */
  public boolean sees(CtiMessage message) {
    return !isAgent() || message.agentId().map(user.name()::equals).orElse(true);
  }

  /** Who logged in, for log lines, without the token. */
  @Override
  public String toString() {
    return "Session[user=" + user.name() + ", role=" + user.role() + ", expiresAt=" + expiresAt + "]";
  }
}
