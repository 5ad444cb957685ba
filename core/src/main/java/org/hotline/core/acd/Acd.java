package org.hotline.core.acd;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.core.agent.Agent;
import org.hotline.core.agent.AgentState;
import org.hotline.core.event.AgentEvent;
import org.hotline.core.event.EventBus;
import org.hotline.core.flow.QueuePlace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automatic call distributor: one logical actor. Every change (an agent registers, a call is
 * enqueued, an offer ends, a caller leaves, a timer is due) is a message run in order on one
 * executor, so no two decisions race.
 *
 * <p>The matching itself is the synchronous {@link QueueBoard} (O(log n) per match); this class
 * owns agent states and their events, the offers to the {@link AgentConnector}, and the timers
 * (no-answer retry, wrap-up), which are due by the injected clock.
 */
public final class Acd {
  private static final Logger log = LoggerFactory.getLogger(Acd.class);

  private final ScheduledExecutorService actor;
  private final Clock clock;
  private final AgentConnector connector;
  private final EventBus bus;
  private final Duration retryAfterNoAnswer;
  private final AcdPolicy policy;
  private final QueueBoard board;
  private final Timers timers = new Timers();
  private final QueueCounts today;
  private final Map<String, WaitEstimator> estimators = new HashMap<>();

  private final Counter enqueued;
  private final Counter offered;
  private final Counter answered;
  private final Counter notAnswered;
  private final Counter abandoned;
  private final Counter left;
  private final Counter missedBreaks;

  /** An ACD with the {@link AcdPolicy#DEFAULTS default policy}. */
  public Acd(
      ScheduledExecutorService actor,
      Clock clock,
      AgentConnector connector,
      EventBus bus,
      MeterRegistry metrics,
      Duration retryAfterNoAnswer) {
    this(actor, clock, connector, bus, metrics, retryAfterNoAnswer, AcdPolicy.DEFAULTS);
  }

  /**
   * @param actor a single-threaded executor that is the ACD's only thread
   * @param retryAfterNoAnswer how long an agent who did not answer a call is skipped for that call
   * @param policy routing strategies, wrap-up and missed-offer rules
   */
  public Acd(
      ScheduledExecutorService actor,
      Clock clock,
      AgentConnector connector,
      EventBus bus,
      MeterRegistry metrics,
      Duration retryAfterNoAnswer,
      AcdPolicy policy) {
    this.actor = actor;
    this.clock = clock;
    this.connector = connector;
    this.bus = bus;
    this.retryAfterNoAnswer = retryAfterNoAnswer;
    this.policy = policy;
    this.board = new QueueBoard(policy::strategyOf);
    this.today = new QueueCounts(clock);
    this.enqueued = metrics.counter("hotline.acd.calls.enqueued");
    this.offered = metrics.counter("hotline.acd.offers");
    this.answered = metrics.counter("hotline.acd.offers.answered");
    this.notAnswered = metrics.counter("hotline.acd.offers.not.answered");
    this.abandoned = metrics.counter("hotline.acd.calls.abandoned");
    this.left = metrics.counter("hotline.acd.calls.left");
    this.missedBreaks = metrics.counter("hotline.acd.agents.missed.breaks");
  }

  /** Makes an agent known to routing (logged out until it registers). */
  public void addAgent(Agent agent) {
    actor.execute(() -> board.add(agent));
  }

  /** The agent's phone registered: a registered agent is ready unless set otherwise. */
  public void agentRegistered(String agentId) {
    actor.execute(
        () -> {
          AgentSlot a = board.agent(agentId);
          if (a == null) {
            return;
          }
          a.logoutAfterCall = false;
          if (a.state == AgentState.LOGGED_OUT) {
            a.idleSince = clock.instant();
            makeAvailable(a, "registered");
          }
        });
  }

  /** The agent's registration ended or expired: out of routing (after the current call). */
  public void agentUnregistered(String agentId) {
    actor.execute(
        () -> {
          AgentSlot a = board.agent(agentId);
          if (a == null) {
            return;
          }
          switch (a.state) {
            case AVAILABLE -> {
              board.unfree(a);
              transition(a, AgentState.LOGGED_OUT, "unregistered");
            }
            case RESERVED, ON_CALL, WRAP_UP -> a.logoutAfterCall = true;
            default -> transition(a, AgentState.LOGGED_OUT, "unregistered");
          }
        });
  }

  /** The agent is ready again: from a break or before the end of wrap-up. */
  public void agentReady(String agentId) {
    actor.execute(
        () -> {
          AgentSlot a = board.agent(agentId);
          if (a != null && (a.state == AgentState.BREAK || a.state == AgentState.WRAP_UP)) {
            a.missedInRow = 0;
            makeAvailable(a, "ready");
          }
        });
  }

  /** The agent takes a break with {@code reason}: from available or wrap-up. */
  public void agentBreak(String agentId, String reason) {
    actor.execute(
        () -> {
          AgentSlot a = board.agent(agentId);
          if (a == null) {
            return;
          }
          if (a.state == AgentState.AVAILABLE) {
            board.unfree(a);
          }
          if (a.state == AgentState.AVAILABLE || a.state == AgentState.WRAP_UP) {
            transition(a, AgentState.BREAK, reason);
          }
        });
  }

  /** Puts a call in its queue and offers it at once when an agent is free. */
  public void enqueue(QueuedCall call) {
    actor.execute(
        () -> {
          WaitingCall w = board.enqueue(call, clock.instant());
          if (w != null) {
            enqueued.increment();
            today.of(call.queue()).offered++;
            matchCall(w);
          }
        });
  }

  /** The caller left while waiting: the call leaves the queue (an offer in progress ends by itself). */
  public void abandon(String callId) {
    actor.execute(
        () -> {
          WaitingCall w = board.call(callId);
          if (w != null && w.offeredTo == null) {
            board.forget(w);
            abandoned.increment();
            today.of(w.call.queue()).abandoned++;
          }
        });
  }

  /**
   * Where the call stands in its queue: position among the waiting calls by (priority, arrival),
   * how many wait, and the estimated wait from the queue's recent answers.
   */
  public CompletableFuture<QueuePlace> place(String callId) {
    return CompletableFuture.supplyAsync(
        () -> {
          WaitingCall w = board.call(callId);
          if (w == null || w.offeredTo != null) {
            return QueuePlace.NOT_WAITING;
          }
          int position = board.position(w);
          int waiting = board.waitingByQueue().get(w.call.queue()).size();
          return new QueuePlace(position, waiting, estimator(w.call.queue()).estimate(position, clock.instant()));
        },
        actor);
  }

  /**
   * The caller chose to leave the queue (for voicemail or a callback): unlike {@link #abandon} it
   * is not counted as abandoned. A call being offered leaves when its offer ends.
   */
  public void leave(String callId) {
    actor.execute(
        () -> {
          WaitingCall w = board.call(callId);
          if (w == null) {
            return;
          }
          w.left = true;
          if (w.offeredTo == null) {
            board.forget(w);
            left.increment();
          }
        });
  }

  /** The agent's call ended: wrap-up for the call's queue, if any, then available again. */
  public void agentCallEnded(String agentId) {
    actor.execute(
        () -> {
          AgentSlot a = board.agent(agentId);
          if (a == null || a.state != AgentState.ON_CALL) {
            return;
          }
          Instant now = clock.instant();
          a.idleSince = now;
          Duration wrapUp = a.callQueue == null ? Duration.ZERO : policy.wrapUpOf(a.callQueue);
          if (a.logoutAfterCall || wrapUp.isZero()) {
            agentFreeAgain(a, "call-ended");
            return;
          }
          transition(a, AgentState.WRAP_UP, "call-ended");
          long wrapUpNo = ++a.wrapUps;
          at(
              now.plus(wrapUp),
              () -> {
                if (a.state == AgentState.WRAP_UP && a.wrapUps == wrapUpNo) {
                  agentFreeAgain(a, "wrap-up-ended");
                }
              });
        });
  }

  /**
   * Runs the timers due by the clock. The ACD wakes itself when a timer is due; tests that drive a
   * {@code ManualClock} call this after advancing it.
   */
  public void tick() {
    actor.execute(this::runDue);
  }

  /** A snapshot of the ACD's state, taken on its thread. */
  public CompletableFuture<AcdSnapshot> snapshot() {
    return CompletableFuture.supplyAsync(this::takeSnapshot, actor);
  }

  private AcdSnapshot takeSnapshot() {
    Map<String, Integer> waiting = new HashMap<>();
    board.waitingByQueue().forEach((q, set) -> waiting.put(q, set.size()));
    Map<String, AgentState> states = new HashMap<>();
    board.agents().forEach((id, a) -> states.put(id, a.state));
    return new AcdSnapshot(waiting, states, queueStats());
  }

  /** Per queue: every queue an agent serves or a call waits in. O(agents + calls). */
  private Map<String, QueueStats> queueStats() {
    Map<String, EnumMap<AgentState, Integer>> agentsByQueue = new TreeMap<>();
    for (AgentSlot a : board.agents().values()) {
      for (String q : a.agent.queues()) {
        agentsByQueue.computeIfAbsent(q, k -> zeroPerState()).merge(a.state, 1, Integer::sum);
      }
    }
    Map<String, Integer> unanswered = new HashMap<>();
    Map<String, Instant> earliest = new HashMap<>();
    for (WaitingCall w : board.calls()) {
      String q = w.call.queue();
      agentsByQueue.computeIfAbsent(q, k -> zeroPerState());
      unanswered.merge(q, 1, Integer::sum);
      earliest.merge(q, w.arrivedAt, (x, y) -> x.isBefore(y) ? x : y);
    }
    Instant now = clock.instant();
    Map<String, QueueStats> stats = new HashMap<>();
    agentsByQueue.forEach(
        (q, agents) -> {
          QueueCounts.Today t = today.peek(q);
          Instant first = earliest.get(q);
          long longest = first == null ? 0 : Math.max(0, Duration.between(first, now).toSeconds());
          stats.put(q, new QueueStats(q, unanswered.getOrDefault(q, 0), longest, agents, t.offered, t.answered, t.abandoned));
        });
    return stats;
  }

  private static EnumMap<AgentState, Integer> zeroPerState() {
    EnumMap<AgentState, Integer> m = new EnumMap<>(AgentState.class);
    for (AgentState s : AgentState.values()) {
      m.put(s, 0);
    }
    return m;
  }

  private void makeAvailable(AgentSlot a, String reason) {
    transition(a, AgentState.AVAILABLE, reason);
    board.free(a);
    WaitingCall w = board.matchAgent(a, clock.instant());
    if (w != null) {
      offer(w, a);
    }
  }

  /** A call arrived or came back: the best free agent of its queue that may take it. */
  private void matchCall(WaitingCall w) {
    AgentSlot a = board.matchCall(w, clock.instant());
    if (a != null) {
      offer(w, a);
    }
  }

  /** Rings {@code a} for {@code w}; the board has already reserved them for each other. */
  private void offer(WaitingCall w, AgentSlot a) {
    transition(a, AgentState.RESERVED, w.call.callId());
    offered.increment();
    CompletableFuture<OfferResult> result;
    try {
      result = connector.offer(new Offer(w.call, a.agent)).toCompletableFuture();
    } catch (RuntimeException e) {
      log.warn("offering call {} to agent {} failed", w.call.callId(), a.id(), e);
      result = CompletableFuture.completedFuture(OfferResult.NOT_ANSWERED);
    }
    result.whenCompleteAsync(
        (r, err) -> offerEnded(w, a, err != null ? OfferResult.NOT_ANSWERED : r), actor);
  }

  private void offerEnded(WaitingCall w, AgentSlot a, OfferResult result) {
    w.offeredTo = null;
    switch (result) {
      case ANSWERED -> {
        answered.increment();
        today.of(w.call.queue()).answered++;
        Instant now = clock.instant();
        estimator(w.call.queue()).answered(now, Duration.between(w.arrivedAt, now));
        board.forget(w);
        a.callsAnswered++;
        a.missedInRow = 0;
        a.callQueue = w.call.queue();
        transition(a, AgentState.ON_CALL, w.call.callId());
      }
      case NOT_ANSWERED -> {
        notAnswered.increment();
        Instant retryAt = clock.instant().plus(retryAfterNoAnswer);
        w.skipUntil.put(a.id(), retryAt);
        // The caller keeps their place: same priority, same arrival sequence.
        board.requeue(w);
        at(retryAt, () -> retry(w));
        matchCall(w);
        a.missedInRow++;
        if (policy.maxMissed() > 0 && a.missedInRow >= policy.maxMissed() && !a.logoutAfterCall) {
          a.missedInRow = 0;
          missedBreaks.increment();
          transition(a, AgentState.BREAK, "missed");
        } else {
          agentFreeAgain(a, "no-answer");
        }
      }
      case CALL_GONE -> {
        board.forget(w);
        if (w.left) {
          left.increment();
        } else {
          abandoned.increment();
          today.of(w.call.queue()).abandoned++;
        }
        agentFreeAgain(a, "caller-left");
      }
    }
  }

  private WaitEstimator estimator(String queue) {
    return estimators.computeIfAbsent(queue, q -> new WaitEstimator());
  }

  private void agentFreeAgain(AgentSlot a, String reason) {
    if (a.logoutAfterCall) {
      a.logoutAfterCall = false;
      transition(a, AgentState.LOGGED_OUT, "unregistered");
    } else {
      makeAvailable(a, reason);
    }
  }

  private void retry(WaitingCall w) {
    if (board.call(w.call.callId()) == w && w.offeredTo == null) {
      matchCall(w);
    }
  }

  /** Runs {@code task} on the actor once the clock reaches {@code due}. */
  private void at(Instant due, Runnable task) {
    timers.at(due, task);
    wakeAt(due);
  }

  private void wakeAt(Instant due) {
    // +1 ms: the scheduler's ticks and the wall clock may disagree by a little.
    long delay = Math.max(0, Duration.between(clock.instant(), due).toMillis()) + 1;
    actor.schedule(
        () -> {
          runDue();
          if (clock.instant().isBefore(due)) {
            wakeAt(due);
          }
        },
        delay,
        TimeUnit.MILLISECONDS);
  }

  private void runDue() {
    timers.runDue(clock.instant());
  }

  private void transition(AgentSlot a, AgentState to, String reason) {
    AgentState from = a.state;
    a.state = to;
    if (from != to) {
      bus.publish(new AgentEvent.StateChanged(a.id(), from, to, reason, clock.instant()));
    }
  }
}
