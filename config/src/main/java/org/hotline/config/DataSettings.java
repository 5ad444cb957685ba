package org.hotline.config;

import java.nio.file.Path;

/**
 * Database settings.
 *
 * @param dataDir folder of the embedded database and recordings
 * @param dbUrl JDBC URL (an H2 file database in {@code dataDir} unless configured)
 * @param dbUser database user
 * @param dbPassword database password
 * @param poolSize connections kept for writes
 */
public record DataSettings(
    Path dataDir, String dbUrl, String dbUser, String dbPassword, int poolSize) {
  @Override
  public String toString() {
    return "DataSettings[dataDir="
        + dataDir
        + ", dbUrl="
        + dbUrl
        + ", dbUser="
        + dbUser
        + ", poolSize="
        + poolSize
        + "]";
  }
}
