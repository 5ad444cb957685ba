package org.hotline.ivr.verb;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.hotline.core.flow.ActiveCall;
import org.hotline.core.media.MediaSession;
import org.hotline.core.media.Prompt;

/**
 * The state one call's flow carries from verb to verb: the call, the prompt language and the
 * flow's variables. Used only on the call's own thread, so it needs no locking.
 */
public final class FlowContext {
  private final ActiveCall call;
  private final String language;
  private final Map<String, String> variables = new HashMap<>();

  /**
   * @param call the answered call the flow runs on
   * @param language the prompt language ({@code en}, {@code zh})
   */
  public FlowContext(ActiveCall call, String language) {
    this.call = Objects.requireNonNull(call, "call");
    this.language = Objects.requireNonNull(language, "language");
  }

  /** The call the flow runs on. */
  public ActiveCall call() {
    return call;
  }

  /** The caller leg's audio. */
  public MediaSession media() {
    return call.media();
  }

  /** Whether the caller is still on the line. */
  public boolean isActive() {
    return call.isActive();
  }

  /** The prompt language ({@code en}, {@code zh}). */
  public String language() {
    return language;
  }

  /** The prompt {@code name} in the call's language. */
  public Prompt prompt(String name) {
    return new Prompt(language, name);
  }

  /** The flow's variables (digits gathered, lookups), mutable, kept across {@code goto}. */
  public Map<String, String> variables() {
    return variables;
  }

  /**
   * Blocks the call's virtual thread until the media or queue layer completes {@code future}.
   * Unlike {@code join()} it answers an interrupt, so a call torn down under its flow frees the
   * thread at once.
   *
   * @throws CompletionException when the future failed
   */
  public <T> T await(CompletableFuture<T> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new CompletionException(e.getCause());
    }
  }
}
