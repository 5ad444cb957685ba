package org.hotline.core.db;

import java.nio.file.Path;
import org.hotline.config.DataSettings;

/** Real H2 file databases in a test's temporary folder. */
public final class TestDatabases {
  private TestDatabases() {}

  /** Settings of an H2 file database in {@code dir} with two write threads. */
  public static DataSettings h2(Path dir) {
    return new DataSettings(
        dir, "jdbc:h2:file:" + dir.resolve("hotline").toAbsolutePath(), "hotline", "", 2);
  }

  /** An open, migrated H2 database in {@code dir}. */
  public static Database open(Path dir) {
    return new Database(h2(dir));
  }
}
