package org.hotline.config;

import java.time.Duration;

/**
 * Logins and their protection.
 *
 * @param adminPassword the password the {@code admin} user gets at every start; empty to leave it
 *     as stored (a strong one is generated and printed once when no administrator exists yet)
 * @param maxFailedLogins wrong passwords in a row that lock a user out
 * @param lockout how long a locked-out user's logins are refused
 */
public record SecuritySettings(String adminPassword, int maxFailedLogins, Duration lockout) {
  /** Keeps the administrator's password out of logs. */
  @Override
  public String toString() {
    return "SecuritySettings[adminPassword="
        + (adminPassword.isEmpty() ? "(unset)" : "(set)")
        + ", maxFailedLogins="
        + maxFailedLogins
        + ", lockout="
        + lockout
        + "]";
  }
}
