package org.hotline.ivr.verb;

import java.util.Set;

/**
 * One step of an IVR flow ({@code play}, {@code menu}, {@code enqueue}, {@code hangup}), run on the
 * call's own virtual thread. A verb may block on the media layer; it returns what the flow should
 * do next.
 */
public interface Verb {

  /**
   * Runs the verb on the call in {@code ctx}.
   *
   * @return {@link Outcome#CONTINUE} for the next verb, a {@link Outcome.GoTo} or {@link
   *     Outcome#END}; {@code END} as well when the caller hung up during the verb
   * @throws InterruptedException when the call's thread is interrupted (the call ended under it)
   */
  Outcome execute(FlowContext ctx) throws InterruptedException;

  /**
   * The names of the prompts this verb (and any verb nested in it) may play, so a flow can be
   * checked against the prompt sets before a caller hears silence.
   */
  Set<String> promptNames();
}
