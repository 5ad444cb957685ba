package org.hotline.ivr.verb;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.hotline.core.flow.ActiveCall;
import org.hotline.core.media.MediaSession;
import org.hotline.core.media.Prompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state one call's flow carries from verb to verb: the call, the prompt language, the flow's
 * variables, the services verbs need and the flows a {@code goto} or {@code run} may reach. Used
 * only on the call's own thread, so it needs no locking.
 *
 * <p>The flows are those of the directory the call started in: a reload while the call runs does
 * not change where its {@code goto}s lead.
 */
public final class FlowContext {
  private static final Logger log = LoggerFactory.getLogger(FlowContext.class);

  /** Hangup cause when a flow goes to a flow that does not exist, loops without end, or fails. */
  public static final String CAUSE_ERROR = "flow-error";

  /** Gotos and runs a call may take before it is treated as a loop; real flows take a handful. */
  public static final int MAX_GOTOS = 100;

  private final ActiveCall call;
  private final FlowServices services;
  private final Function<String, Optional<Verb>> flows;
  private final Map<String, String> variables = new HashMap<>();
  private String language;
  private int gotos;

  /**
   * A context without other flows to go to and without stores (see {@link
   * FlowServices#withoutStores}).
   *
   * @param call the answered call the flow runs on
   * @param language the prompt language ({@code en}, {@code zh})
   */
  public FlowContext(ActiveCall call, String language) {
    this(
        call,
        language,
        FlowServices.withoutStores(java.time.Clock.systemUTC()),
        name -> Optional.empty());
  }

  /**
   * @param call the answered call the flow runs on
   * @param language the prompt language to start with ({@code en}, {@code zh})
   * @param services what the verbs need from the server
   * @param flows the body of each flow by name, for {@code goto} and {@code run}
   */
  public FlowContext(
      ActiveCall call,
      String language,
      FlowServices services,
      Function<String, Optional<Verb>> flows) {
    this.call = Objects.requireNonNull(call, "call");
    this.language = Objects.requireNonNull(language, "language");
    this.services = Objects.requireNonNull(services, "services");
    this.flows = Objects.requireNonNull(flows, "flows");
  }

  /** The call the flow runs on. */
  public ActiveCall call() {
    return call;
  }

  /** The caller leg's audio. */
  public MediaSession media() {
    return call.media();
  }

  /** What the verbs need from the server: clock, customer lookup, voicemail and callbacks. */
  public FlowServices services() {
    return services;
  }

  /** Whether the caller is still on the line. */
  public boolean isActive() {
    return call.isActive();
  }

  /** The prompt language ({@code en}, {@code zh}). */
  public String language() {
    return language;
  }

  /** Switches the prompt language for the rest of the call (the {@code language} verb). */
  public void language(String language) {
    this.language = Objects.requireNonNull(language, "language");
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
   * Runs {@code body}, the verbs of flow {@code name}, following its {@code goto}s from flow to
   * flow until one runs out of verbs ({@link Outcome#CONTINUE}) or ends the flow ({@link
   * Outcome#END}). A {@code goto} to a flow that does not exist, or past {@value #MAX_GOTOS} gotos
   * and runs in the call, hangs up with {@value #CAUSE_ERROR} and ends.
   */
  public Outcome follow(String name, Verb body) throws InterruptedException {
    String current = name;
    Verb verbs = body;
    while (true) {
      Outcome outcome = verbs.execute(this);
      if (!(outcome instanceof Outcome.GoTo(String next))) {
        return outcome;
      }
      Optional<Verb> target = enter(current, next);
      if (target.isEmpty()) {
        return Outcome.END;
      }
      log.info("flow {}: goto {}", current, next);
      current = next;
      verbs = target.get();
    }
  }

  /**
   * The body of flow {@code next} that flow {@code from} goes to or runs, counted against {@value
   * #MAX_GOTOS}; empty, with the call hung up, when there is none or the call loops.
   */
  Optional<Verb> enter(String from, String next) {
    boolean looping = ++gotos > MAX_GOTOS;
    Optional<Verb> target = looping ? Optional.empty() : flows.apply(next);
    if (target.isEmpty()) {
      String why = looping ? "past " + MAX_GOTOS + " gotos, a loop" : "no such flow";
      log.error("flow {}: going to {} failed ({}); hanging up", from, next, why);
      if (isActive()) {
        call.hangup(CAUSE_ERROR);
      }
    }
    return target;
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
