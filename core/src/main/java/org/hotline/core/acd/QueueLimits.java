package org.hotline.core.acd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A queue's limits ({@link QueueSettings#maxWaiting()}, {@link QueueSettings#maxWait()}, {@link
 * QueueSettings#joinWhenNoAgents()}) and what happens to a call that hits one: it moves to the
 * queue's overflow queue ({@link QueueSettings#overflow()}) when there is one it has not been in,
 * else it goes back to its flow. Either is counted per reason and today per queue, never as
 * abandoned; a call that waited past the service-level threshold counts against the service level.
 * Callbacks have no limits. Touched only on the ACD's thread.
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
  private final BiConsumer<QueuedCall, Set<String>> enqueue;

  /**
   * @param changed told of a queue whose figures changed
   * @param enqueue puts a call in its (overflow) queue, with the queues it has been in; the
   *     dispatcher's own enqueue, limits included
   */
  QueueLimits(
      QueueBoard board,
      Supplier<AcdPolicy> policy,
      QueueCounts today,
      AcdMeters meters,
      AgentConnector connector,
      Timers timers,
      Clock clock,
      Consumer<String> changed,
      BiConsumer<QueuedCall, Set<String>> enqueue) {
    this.board = board;
    this.policy = policy;
    this.today = today;
    this.meters = meters;
    this.connector = connector;
    this.timers = timers;
    this.clock = clock;
    this.changed = changed;
    this.enqueue = enqueue;
  }

  /**
   * Whether the queue lets {@code call} in; when not, the call overflows or is given back.
   *
   * @param beenIn the queues the call overflowed from
   */
  boolean admits(QueuedCall call, Set<String> beenIn) {
    QueueSettings s = policy.get().settingsOf(call.queue());
    if (!s.joinWhenNoAgents() && board.loggedIn(call.queue()) == 0) {
      exit(call, beenIn, QueueExit.NO_AGENTS, Duration.ZERO);
      return false;
    }
    if (s.maxWaiting() > 0 && board.callers(call.queue()) >= s.maxWaiting()) {
      exit(call, beenIn, QueueExit.FULL, Duration.ZERO);
      return false;
    }
    return true;
  }

  /**
   * Sets the max-wait timer of a caller (again after {@link Acd#configure}: checks are by the
   * settings then).
   */
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
    exit(w, QueueExit.MAX_WAIT);
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
        exit(w, QueueExit.NO_AGENTS);
      }
    }
  }

  private void maxWaitDue(WaitingCall w) {
    if (board.call(w.call.callId()) == w && !w.isOffered() && pastMaxWait(w, clock.instant())) {
      board.forget(w);
      exit(w, QueueExit.MAX_WAIT);
    }
  }

  private boolean pastMaxWait(WaitingCall w, Instant now) {
    Duration maxWait = policy.get().settingsOf(w.call.queue()).maxWait();
    return !maxWait.isZero() && !now.isBefore(w.arrivedAt.plus(maxWait));
  }

  private void exit(WaitingCall w, QueueExit why) {
    exit(w.call, w.beenIn, why, Duration.between(w.arrivedAt, clock.instant()));
  }

  /**
   * The call leaves its queue: to the queue's overflow queue when it has one the call has not been
   * in, else back to its flow. {@code waited}: how long it was in the queue.
   */
  private void exit(QueuedCall call, Set<String> beenIn, QueueExit why, Duration waited) {
    String queue = call.queue();
    QueueSettings settings = policy.get().settingsOf(queue);
    String next = settings.overflow();
    boolean overflows = !next.isEmpty() && !next.equals(queue) && !beenIn.contains(next);
    QueueCounts.Today t = today.of(queue);
    t.unanswered(waited, settings.serviceLevel());
    if (overflows) {
      t.overflowed++;
      meters.overflowed(why).increment();
    } else {
      t.givenBack++;
      meters.givenBack(why).increment();
    }
    changed.accept(queue);
    MDC.put("callId", call.callId());
    try {
      if (overflows) {
        log.info(
            "call {} overflows from queue {} to {}: {}", call.callId(), queue, next, why.code());
        try {
          connector.overflowed(call.callId(), queue, next);
          Set<String> been = new HashSet<>(beenIn);
          been.add(queue);
          enqueue.accept(
              new QueuedCall(call.callId(), next, call.priority(), call.callerNumber()),
              Set.copyOf(been));
          return;
        } catch (RuntimeException e) {
          log.warn(
              "call {} could not overflow to queue {}: back to its flow", call.callId(), next, e);
        }
      } else {
        log.info("call {} given back by queue {}: {}", call.callId(), queue, why.code());
      }
      connector.giveBack(call.callId(), why);
    } catch (RuntimeException e) {
      log.warn("giving call {} back failed", call.callId(), e);
    } finally {
      MDC.remove("callId");
    }
  }
}
