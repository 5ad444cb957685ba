package org.hotline.cti.bridge;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What CTI commands do. A command comes from a logged-in connection: an agent acts on themselves;
 * an integration names the agent in {@code args.agentId}.
 */
public interface CtiCommands {

  /**
   * Runs {@code command} ({@code set-state}, {@code wrap-up}, ...) for {@code agentId}.
   *
   * @param args the command's fields besides {@code type} and {@code id}
   * @return the reply's fields; completes exceptionally with {@link CtiCommandException} for a
   *     command that is unknown, malformed or not allowed now (the connection stays open)
   */
  CompletableFuture<Map<String, Object>> run(String agentId, String command, Map<String, Object> args);
}
