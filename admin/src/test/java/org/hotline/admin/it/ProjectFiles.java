package org.hotline.admin.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds folders of the project (scripts, built jars) upwards from the test's working folder. */
public final class ProjectFiles {
  private ProjectFiles() {}

  /** {@code <project>/<relative>}, e.g. {@code scripts/sipp}. */
  public static Path dir(String relative) {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve(relative))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException(
          relative + " not found above " + Path.of("").toAbsolutePath());
    }
    return p.resolve(relative);
  }
}
