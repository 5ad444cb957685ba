package org.hotline.ivr;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hotline.core.flow.ActiveCall;
import org.hotline.core.flow.CallFlow;
import org.hotline.ivr.verb.FlowContext;
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
 * <p>Type-ahead is cleared once, when the flow starts, so a key pressed during a later prompt is
 * an answer. Like a TwiML document, a flow whose verbs run out hangs up ({@value #CAUSE_END}).
 * A {@code goto} is resolved by the {@link FlowDirectory} the flow came from; a flow built on its
 * own has no others to go to, and hangs up ({@value #CAUSE_ERROR}).
 */
public final class Flow implements CallFlow {
  private static final Logger log = LoggerFactory.getLogger(Flow.class);

  /** Hangup cause when a flow runs out of verbs with the caller still there. */
  public static final String CAUSE_END = "flow-end";

  /** Hangup cause when a flow goes to a flow that does not exist, or loops without end. */
  public static final String CAUSE_ERROR = "flow-error";

  /** Gotos a call may take before it is treated as a loop; real flows take a handful. */
  static final int MAX_GOTOS = 100;

  private final String name;
  private final String language;
  private final Sequence body;
  private final Function<String, Optional<Flow>> flows;

  /**
   * @param name the flow's name ({@code main})
   * @param language the prompt language ({@code en}, {@code zh})
   * @param verbs run in order
   */
  public Flow(String name, String language, List<Verb> verbs) {
    this(name, language, new Sequence(verbs), other -> Optional.empty());
  }

  private Flow(String name, String language, Sequence body, Function<String, Optional<Flow>> flows) {
    this.name = Objects.requireNonNull(name, "name");
    this.language = Objects.requireNonNull(language, "language");
    this.body = body;
    this.flows = flows;
  }

  /** This flow resolving {@code goto} with {@code flows}. */
  Flow resolvingWith(Function<String, Optional<Flow>> flows) {
    return new Flow(name, language, body, flows);
  }

  @Override
  public String name() {
    return name;
  }

  /** The prompt language. */
  public String language() {
    return language;
  }

  /** The verbs, in order. */
  public List<Verb> verbs() {
    return body.verbs();
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
        // No clearing of digits here: the caller may press a key as soon as they hear the call
        // answered, before this thread runs; it is type-ahead for the first menu.
        runFrom(new FlowContext(call, language));
      }
    } finally {
      MDC.remove("callId");
    }
  }

  private void runFrom(FlowContext ctx) throws InterruptedException {
    Flow current = this;
    for (int gotos = 0; ; gotos++) {
      switch (current.body.execute(ctx)) {
        case Outcome.GoTo(String next) -> {
          boolean looping = gotos == MAX_GOTOS;
          Optional<Flow> target = looping ? Optional.empty() : flows.apply(next);
          if (target.isEmpty()) {
            String why = looping ? "past " + MAX_GOTOS + " gotos, a loop" : "no such flow";
            log.error("flow {}: goto {} failed ({}); hanging up", current.name, next, why);
            hangUpIfActive(ctx, CAUSE_ERROR);
            return;
          }
          log.info("flow {}: goto {}", current.name, next);
          current = target.get();
        }
        case Outcome.Continue ranOut -> {
          hangUpIfActive(ctx, CAUSE_END);
          log.info("flow {} ran out of verbs", current.name);
          return;
        }
        case Outcome.End end -> {
          log.info("flow {} ended", current.name);
          return;
        }
      }
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
