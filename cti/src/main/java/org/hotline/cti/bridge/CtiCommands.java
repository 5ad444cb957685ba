package org.hotline.cti.bridge;

import java.util.concurrent.CompletableFuture;
import org.hotline.cti.protocol.CtiCommand;
import org.hotline.cti.protocol.CtiCommandException;
import org.hotline.cti.protocol.Reply;

/**
 * What CTI commands do. A command comes from a logged-in connection: an agent acts on themselves;
 * an integration names the agent in the frame's {@code agentId}.
 */
public interface CtiCommands {

  /**
   * Runs {@code command} for {@code agentId}.
   *
   * @return the reply, without the command's {@code id} (the connection adds it); completes
   *     exceptionally with {@link CtiCommandException} for a command that is not allowed or cannot
   *     be done now (the connection stays open)
   */
  CompletableFuture<Reply> run(String agentId, CtiCommand command);
}
