package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds an external program a test drives (sipp, baresip). Missing in CI ({@code CI=true}) is a
 * failure; on a developer machine the test is skipped with a message saying what to install.
 */
public final class ExternalTool {
  private ExternalTool() {}

  public static Path require(String program, String debianPackage) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path p = Path.of(dir, program);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    String message = program + " is not installed: apt-get install " + debianPackage;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message);
    }
    Assumptions.abort(message);
    return null;
  }
}
