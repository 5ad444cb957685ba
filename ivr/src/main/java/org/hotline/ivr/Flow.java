package org.hotline.ivr;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.hotline.core.flow.ActiveCall;
import org.hotline.core.flow.CallFlow;
import org.hotline.ivr.verb.FlowContext;
import org.hotline.ivr.verb.FlowServices;
import org.hotline.ivr.verb.Outcome;
import org.hotline.ivr.verb.Sequence;
import org.hotline.ivr.verb.Verb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * An IVR flow: a named list of verbs run in order on the caller's virtual thread, stopping as soon
 * as the caller is gone. Every log line while it runs carries the call in the MDC as {@code
 * callId}.
 *
 * <p>Type-ahead is not cleared when the flow starts: a key pressed as soon as the call was answered
 * is an answer to the first menu. Like a TwiML document, a flow whose verbs run out hangs up
 * ({@value #CAUSE_END}). A {@code goto} or {@code run} is resolved by the {@link FlowDirectory} the
 * flow came from, so a call keeps the flows it started with across a reload; a flow built on its
 * own has no others to go to, and hangs up ({@value #CAUSE_ERROR}). A verb that fails (a store
 * down, a media error) hangs up with {@value #CAUSE_ERROR} rather than leaving the caller in
 * silence.
 */
public final class Flow implements CallFlow {
  private static final Logger log = LoggerFactory.getLogger(Flow.class);

  /** Hangup cause when a flow runs out of verbs with the caller still there. */
  public static final String CAUSE_END = "flow-end";

  /** Hangup cause when a flow goes to a flow that does not exist, loops without end, or fails. */
  public static final String CAUSE_ERROR = FlowContext.CAUSE_ERROR;

  /** Gotos a call may take before it is treated as a loop; real flows take a handful. */
  static final int MAX_GOTOS = FlowContext.MAX_GOTOS;

  private final String name;
  private final String language;
  private final Sequence body;
  private final Function<String, Optional<Verb>> flows;
  private final FlowServices services;

  /**
   * A flow on its own: no other flows to go to, no voicemail or callback stores.
   *
   * @param name the flow's name ({@code main})
   * @param language the prompt language a call starts in ({@code en}, {@code zh})
   * @param verbs run in order
   */
  public Flow(String name, String language, List<Verb> verbs) {
    this(
        name,
        language,
        new Sequence(verbs),
        other -> Optional.empty(),
        FlowServices.withoutStores(Clock.systemUTC()));
  }

  private Flow(
      String name,
      String language,
      Sequence body,
      Function<String, Optional<Verb>> flows,
      FlowServices services) {
    this.name = Objects.requireNonNull(name, "name");
    this.language = Objects.requireNonNull(language, "language");
    this.body = body;
    this.flows = flows;
    this.services = services;
  }

  /**
   * This flow resolving {@code goto} and {@code run} with {@code flows}, using {@code services}.
   */
  Flow boundTo(Function<String, Optional<Verb>> flows, FlowServices services) {
    return new Flow(name, language, body, flows, services);
  }

  @Override
  public String name() {
    return name;
  }

  /** The prompt language a call starts in. */
  public String language() {
    return language;
  }

  /** The verbs, in order. */
  public List<Verb> verbs() {
    return body.verbs();
  }

  /** The verbs as one. */
  Sequence body() {
    return body;
  }

  /** The names of every prompt the flow may play. */
  public Set<String> promptNames() {
    return body.promptNames();
  }

  @Override
  public void run(ActiveCall call) throws InterruptedException {
    MDC.put("callId", call.id());
    try {
      if (call.isActive()) {
        log.info("flow {} answers {} from {}", name, call.dialedNumber(), call.callerNumber());
        runOn(new FlowContext(call, language, services, flows));
      }
    } finally {
      MDC.remove("callId");
    }
  }

  private void runOn(FlowContext ctx) throws InterruptedException {
    try {
      switch (ctx.follow(name, body)) {
        case Outcome.Continue ranOut -> {
          hangUpIfActive(ctx, CAUSE_END);
          log.info("flow ran out of verbs");
        }
        case Outcome.End end -> log.info("flow ended");
        case Outcome.GoTo unreachable -> throw new IllegalStateException("follow returned a goto");
      }
    } catch (RuntimeException e) {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      log.error("flow {} failed; hanging up", name, cause);
      hangUpIfActive(ctx, CAUSE_ERROR);
    }
  }

  private static void hangUpIfActive(FlowContext ctx, String cause) {
    if (ctx.isActive()) {
      ctx.call().hangup(cause);
    }
  }

  @Override
  public String toString() {
    return "Flow[" + name + ", " + language + ", " + body.verbs() + "]";
  }
}
