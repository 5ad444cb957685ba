package org.hotline.core.acd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A queue's limits ({@link QueueSettings#maxWaiting()}, {@link QueueSettings#maxWait()}, {@link
 * QueueSettings#joinWhenNoAgents()}) and giving a call back to its flow when it hits one. Given
 * back calls are counted per reason and today per queue, never as abandoned; one that waited past
 * the service-level threshold counts against the service level. Callbacks have no limits. Touched
 * only on the ACD's thread.
 */
final class QueueLimits {
  private static final Logger log = LoggerFactory.getLogger(QueueLimits.class);

  private final QueueBoard board;
  private final Supplier<AcdPolicy> policy;
  private final QueueCounts today;
  private final AcdMeters meters;
  private final AgentConnector connector;
  private final Timers timers;
  private final Clock clock;
  private final Consumer<String> changed;

  QueueLimits(
      QueueBoard board,
      Supplier<AcdPolicy> policy,
      QueueCounts today,
      AcdMeters meters,
      AgentConnector connector,
      Timers timers,
      Clock clock,
      Consumer<String> changed) {
    this.board = board;
    this.policy = policy;
    this.today = today;
    this.meters = meters;
    this.connector = connector;
    this.timers = timers;
    this.clock = clock;
    this.changed = changed;
  }

  /** Whether the queue lets {@code call} in; when not, the call is given back. */
  boolean admits(QueuedCall call) {
    QueueSettings s = policy.get().settingsOf(call.queue());
    if (!s.joinWhenNoAgents() && board.loggedIn(call.queue()) == 0) {
      giveBack(call.callId(), call.queue(), QueueExit.NO_AGENTS, Duration.ZERO);
      return false;
    }
    if (s.maxWaiting() > 0 && board.callers(call.queue()) >= s.maxWaiting()) {
      giveBack(call.callId(), call.queue(), QueueExit.FULL, Duration.ZERO);
      return false;
    }
    return true;
  }

  /** Sets the max-wait timer of a caller (again after {@link Acd#configure}: checks are by the settings then). */
  void armMaxWait(WaitingCall w) {
    Duration maxWait = policy.get().settingsOf(w.call.queue()).maxWait();
    if (!maxWait.isZero() && !w.isCallback()) {
      timers.at(w.arrivedAt.plus(maxWait), () -> maxWaitDue(w));
    }
  }

  /**
   * A caller whose offer ended unanswered after its max wait is given back rather than waiting
   * again; true when it was.
   */
  boolean givenBackAfterMaxWait(WaitingCall w) {
    if (w.isCallback() || !pastMaxWait(w, clock.instant())) {
      return false;
    }
    board.forget(w);
    giveBack(w, QueueExit.MAX_WAIT);
    return true;
  }

  /** A queue that does not keep callers without agents gives back its waiting callers. */
  void giveBackIfNoAgents(String queue) {
    if (policy.get().settingsOf(queue).joinWhenNoAgents() || board.loggedIn(queue) > 0) {
      return;
    }
    for (WaitingCall w : board.waitingIn(queue)) {
      if (!w.isCallback()) {
        board.forget(w);
        giveBack(w, QueueExit.NO_AGENTS);
      }
    }
  }

  private void maxWaitDue(WaitingCall w) {
    if (board.call(w.call.callId()) == w && !w.isOffered() && pastMaxWait(w, clock.instant())) {
      board.forget(w);
      giveBack(w, QueueExit.MAX_WAIT);
    }
  }

  private boolean pastMaxWait(WaitingCall w, Instant now) {
    Duration maxWait = policy.get().settingsOf(w.call.queue()).maxWait();
    return !maxWait.isZero() && !now.isBefore(w.arrivedAt.plus(maxWait));
  }

  private void giveBack(WaitingCall w, QueueExit why) {
    giveBack(w.call.callId(), w.call.queue(), why, Duration.between(w.arrivedAt, clock.instant()));
  }

  /** The call leaves the ACD back to its flow; {@code waited}: how long it was in the queue. */
  private void giveBack(String callId, String queue, QueueExit why, Duration waited) {
    meters.givenBack(why).increment();
    QueueCounts.Today t = today.of(queue);
    t.givenBack++;
    t.unanswered(waited, policy.get().settingsOf(queue).serviceLevel());
    changed.accept(queue);
    MDC.put("callId", callId);
    try {
      log.info("call {} given back by queue {}: {}", callId, queue, why.code());
      connector.giveBack(callId, why);
    } catch (RuntimeException e) {
      log.warn("giving call {} back failed", callId, e);
    } finally {
      MDC.remove("callId");
    }
  }
}
