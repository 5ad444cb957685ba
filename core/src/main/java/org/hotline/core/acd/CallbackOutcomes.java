package org.hotline.core.acd;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.hotline.core.callback.CallbackStates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of a callback once an agent took it: done when connected, and when the customer was
 * not reached one attempt, failed after the last. Each outcome is written to {@link CallbackStates}
 * on the write executor, never on the ACD's thread; a write that fails is logged, not retried (the
 * request stays pending in the database and is served again after a restart). Touched only on the
 * ACD's thread.
 */
final class CallbackOutcomes {
  private static final Logger log = LoggerFactory.getLogger(CallbackOutcomes.class);

  private final CallbackStates states;
  private final Executor writes;
  private final QueueBoard board;
  private final Supplier<AcdPolicy> policy;
  private final AcdMeters meters;
  private final Timers timers;
  private final Clock clock;

  CallbackOutcomes(
      CallbackStates states,
      Executor writes,
      QueueBoard board,
      Supplier<AcdPolicy> policy,
      AcdMeters meters,
      Timers timers,
      Clock clock) {
    this.states = states;
    this.writes = writes;
    this.board = board;
    this.policy = policy;
    this.meters = meters;
    this.timers = timers;
    this.clock = clock;
  }

  /** An agent and the customer are connected. */
  void done(WaitingCall w) {
    meters.callbacksDone.increment();
    write(w, states::done);
  }

  /**
   * The customer was not reached: one attempt more; after the last the request fails and leaves,
   * else it waits again at its place and is offered to no one for {@link
   * AcdPolicy#callbackRetry()}, when {@code retry} runs.
   */
  void notReached(WaitingCall w, Runnable retry) {
    w.attempts++;
    meters.callbacksUnreachable.increment();
    write(w, states::attempted);
    AcdPolicy p = policy.get();
    if (w.attempts >= p.callbackAttempts()) {
      board.forget(w);
      meters.callbacksFailed.increment();
      write(w, states::failed);
      return;
    }
    w.notBefore = clock.instant().plus(p.callbackRetry());
    board.requeue(w);
    timers.at(w.notBefore, retry);
  }

  private void write(WaitingCall w, LongConsumer state) {
    long id = w.callback.id();
    try {
      writes.execute(
          () -> {
            try {
              state.accept(id);
            } catch (RuntimeException e) {
              log.error("callback {} state NOT stored: {}", id, e.toString());
            }
          });
    } catch (RejectedExecutionException e) {
      log.error("callback {} state NOT stored: {}", id, e.toString());
    }
  }
}
