package org.hotline.ivr.verb;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.hotline.core.flow.TransferResult;
import org.hotline.core.flow.TransferTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code transfer} verb: says it is transferring, rings an agent's phone or an allowed number,
 * and bridges the caller when it answers; the flow is then over. When the target does not answer,
 * is busy or cannot be reached, the caller hears the failed prompt and the {@code failed} branch
 * runs ({@link Sequence#of()} continues with the next verb).
 *
 * @param target who to ring
 * @param prompt said before ringing ({@code transferring})
 * @param failedPrompt said when the transfer did not connect ({@code transfer-failed})
 * @param failed runs when the transfer did not connect
 */
public record TransferVerb(TransferTarget target, String prompt, String failedPrompt, Verb failed)
    implements Verb {
  private static final Logger log = LoggerFactory.getLogger(TransferVerb.class);

  /** Said before ringing unless another prompt is given. */
  public static final String PROMPT = "transferring";

  /** Said when the transfer fails unless another prompt is given. */
  public static final String FAILED_PROMPT = "transfer-failed";

  public TransferVerb {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(failedPrompt, "failedPrompt");
    Objects.requireNonNull(failed, "failed");
  }

  @Override
  public Outcome execute(FlowContext ctx) throws InterruptedException {
    if (!Prompts.play(ctx, prompt, false)) {
      return Outcome.END;
    }
    log.info("transfer to {}", target);
    TransferResult result;
    try {
      result = ctx.await(ctx.call().transfer(target));
    } catch (CompletionException e) {
      log.warn("transfer to {} failed", target, e.getCause());
      result = TransferResult.UNREACHABLE;
    }
    if (result == TransferResult.CONNECTED) {
      log.info("transfer to {} connected", target);
      return Outcome.END;
    }
    log.info("transfer to {}: {}", target, result);
    if (!Prompts.play(ctx, failedPrompt, false)) {
      return Outcome.END;
    }
    return failed.execute(ctx);
  }

  @Override
  public Set<String> promptNames() {
    Set<String> names = new LinkedHashSet<>(List.of(prompt, failedPrompt));
    names.addAll(failed.promptNames());
    return names;
  }
}
