package org.hotline.ivr.verb;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hotline.core.callback.CallbackRequest;
import org.hotline.core.dial.DialSite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code callback} verb: records a request to call the caller back, confirms it and hangs up
 * ({@value #CAUSE}). When the caller left a queue to get here ({@link EnqueueVerb} set variables
 * {@value EnqueueVerb#QUEUE}, {@value EnqueueVerb#QUEUED_AT} and {@value EnqueueVerb#PRIORITY}),
 * the request keeps their place in that queue; otherwise it goes to this verb's queue as of now.
 *
 * <p>A withheld or anonymous caller number cannot be called back, nor one the dial policy ({@code
 * hotline.dial.allow}) refuses (a foreign or premium-rate number, which a forged caller number
 * could make Hotline pay for): the caller hears so and the flow continues with the next verb, as it
 * does when the request cannot be stored.
 *
 * @param queue the queue whose agents call back, when the caller did not come from a queue; empty
 *     when the verb is only reached from a queue's leave branch
 * @param priority the priority in {@code queue}
 * @param confirmPrompt said once the request is recorded ({@code callback-confirmed})
 * @param impossiblePrompt said when no callback can be recorded ({@code callback-impossible})
 */
public record CallbackVerb(
    Optional<String> queue, int priority, String confirmPrompt, String impossiblePrompt)
    implements Verb {
  private static final Logger log = LoggerFactory.getLogger(CallbackVerb.class);

  /** The hangup cause recorded on the CDR. */
  public static final String CAUSE = "callback";

  /** Said once the request is recorded unless another prompt is given. */
  public static final String CONFIRM_PROMPT = "callback-confirmed";

  /** Said when no callback can be recorded unless another prompt is given. */
  public static final String IMPOSSIBLE_PROMPT = "callback-impossible";

  public CallbackVerb {
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(confirmPrompt, "confirmPrompt");
    Objects.requireNonNull(impossiblePrompt, "impossiblePrompt");
  }

  /**
   * Whether {@code number} can be dialled back: it has digits and is not a withheld-number
   * placeholder ({@code anonymous}, {@code unknown}, {@code restricted}, {@code private}).
   */
  public static boolean callable(String number) {
    return number != null && number.strip().matches("\\+?[0-9]{3,20}");
  }

  @Override
  public Outcome execute(FlowContext ctx) throws InterruptedException {
    String number = ctx.call().callerNumber();
    Map<String, String> vars = ctx.variables();
    Optional<String> keptQueue = Optional.ofNullable(vars.get(EnqueueVerb.QUEUE));
    String target = keptQueue.or(() -> queue).orElse(null);
    if (!callable(number) || target == null) {
      log.info("callback impossible: {}", target == null ? "no queue" : "number withheld");
      return Prompts.play(ctx, impossiblePrompt, false) ? Outcome.CONTINUE : Outcome.END;
    }
    if (!ctx.services()
        .dialing()
        .check(DialSite.CALLBACK, "call " + ctx.call().id(), number.strip())
        .allowed()) {
      // The guard has counted, audited and logged the refusal.
      return Prompts.play(ctx, impossiblePrompt, false) ? Outcome.CONTINUE : Outcome.END;
    }
    Instant now = ctx.services().clock().instant();
    Instant since =
        keptQueue.isPresent() ? instant(vars.get(EnqueueVerb.QUEUED_AT)).orElse(now) : now;
    int prio =
        keptQueue.isPresent() ? integer(vars.get(EnqueueVerb.PRIORITY)).orElse(priority) : priority;
    CallbackRequest request;
    try {
      request =
          ctx.services().callbacks().request(ctx.call().id(), number.strip(), target, prio, since);
    } catch (RuntimeException e) {
      log.error("callback request for queue {} could not be stored", target, e);
      return Prompts.play(ctx, impossiblePrompt, false) ? Outcome.CONTINUE : Outcome.END;
    }
    log.info(
        "callback {} requested in {} at priority {}, place since {}",
        request.id(),
        target,
        prio,
        since);
    if (Prompts.play(ctx, confirmPrompt, false)) {
      ctx.call().hangup(CAUSE);
    }
    return Outcome.END;
  }

  private static Optional<Instant> instant(String text) {
    try {
      return Optional.ofNullable(text).map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Integer> integer(String text) {
    try {
      return Optional.ofNullable(text).map(Integer::valueOf);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public Set<String> promptNames() {
    return Set.of(confirmPrompt, impossiblePrompt);
  }
}
