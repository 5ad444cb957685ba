package org.hotline.core.acd;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.core.agent.Agent;
import org.hotline.core.agent.AgentState;
import org.hotline.core.event.AgentEvent;
import org.hotline.core.event.EventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automatic call distributor: one logical actor. Every change (an agent registers, a call is
 * enqueued, an offer ends, a caller leaves) is a message run in order on one executor, so the
 * state below needs no locks and no two decisions race.
 *
 * <p>Agents free in a queue are kept ordered longest idle first, and waiting calls ordered by
 * (priority, arrival); both are sorted sets, so a match costs O(log n).
 */
public final class Acd {
  private static final Logger log = LoggerFactory.getLogger(Acd.class);

  private static final Comparator<AgentSlot> LONGEST_IDLE =
      Comparator.comparing((AgentSlot a) -> a.idleSince).thenComparing(AgentSlot::id);
  private static final Comparator<WaitingCall> PRIORITY_THEN_ARRIVAL =
      Comparator.comparingInt((WaitingCall w) -> w.call.priority()).thenComparingLong(w -> w.sequence);

  private final ScheduledExecutorService actor;
  private final Clock clock;
  private final AgentConnector connector;
  private final EventBus bus;
  private final Duration retryAfterNoAnswer;

  private final Map<String, AgentSlot> agents = new HashMap<>();
  private final Map<String, NavigableSet<AgentSlot>> freeByQueue = new HashMap<>();
  private final Map<String, NavigableSet<WaitingCall>> waitingByQueue = new HashMap<>();
  private final Map<String, WaitingCall> calls = new HashMap<>();
  private long sequence;

  private final Counter enqueued;
  private final Counter offered;
  private final Counter answered;
  private final Counter notAnswered;
  private final Counter abandoned;

  /**
   * @param actor a single-threaded executor that is the ACD's only thread
   * @param retryAfterNoAnswer how long an agent who did not answer a call is skipped for that call
   */
  public Acd(
      ScheduledExecutorService actor,
      Clock clock,
      AgentConnector connector,
      EventBus bus,
      MeterRegistry metrics,
      Duration retryAfterNoAnswer) {
    this.actor = actor;
    this.clock = clock;
    this.connector = connector;
    this.bus = bus;
    this.retryAfterNoAnswer = retryAfterNoAnswer;
    this.enqueued = metrics.counter("hotline.acd.calls.enqueued");
    this.offered = metrics.counter("hotline.acd.offers");
    this.answered = metrics.counter("hotline.acd.offers.answered");
    this.notAnswered = metrics.counter("hotline.acd.offers.not.answered");
    this.abandoned = metrics.counter("hotline.acd.calls.abandoned");
  }

  /** Makes an agent known to routing (logged out until it registers). */
  public void addAgent(Agent agent) {
    actor.execute(() -> agents.computeIfAbsent(agent.id(), id -> new AgentSlot(agent)));
  }

  /** The agent's phone registered: a registered agent is ready unless set otherwise. */
  public void agentRegistered(String agentId) {
    actor.execute(
        () -> {
          AgentSlot a = agents.get(agentId);
          if (a == null) {
            return;
          }
          a.logoutAfterCall = false;
          if (a.state == AgentState.LOGGED_OUT) {
            makeAvailable(a, "registered");
          }
        });
  }

  /** The agent's registration ended or expired: out of routing (after the current call). */
  public void agentUnregistered(String agentId) {
    actor.execute(
        () -> {
          AgentSlot a = agents.get(agentId);
          if (a == null) {
            return;
          }
          switch (a.state) {
            case AVAILABLE -> {
              removeFree(a);
              transition(a, AgentState.LOGGED_OUT, "unregistered");
            }
            case RESERVED, ON_CALL, WRAP_UP -> a.logoutAfterCall = true;
            default -> transition(a, AgentState.LOGGED_OUT, "unregistered");
          }
        });
  }

  /** Puts a call in its queue and offers it at once when an agent is free. */
  public void enqueue(QueuedCall call) {
    actor.execute(
        () -> {
          if (calls.containsKey(call.callId())) {
            return;
          }
          WaitingCall w = new WaitingCall(call, sequence++);
          calls.put(call.callId(), w);
          enqueued.increment();
          waiting(call.queue()).add(w);
          matchCall(w);
        });
  }

  /** The caller left while waiting: the call leaves the queue (an offer in progress ends by itself). */
  public void abandon(String callId) {
    actor.execute(
        () -> {
          WaitingCall w = calls.get(callId);
          if (w != null && w.offeredTo == null) {
            calls.remove(callId);
            waiting(w.call.queue()).remove(w);
            abandoned.increment();
          }
        });
  }

  /** The agent's call ended: available again (wrap-up comes with the routing issue). */
  public void agentCallEnded(String agentId) {
    actor.execute(
        () -> {
          AgentSlot a = agents.get(agentId);
          if (a == null || a.state != AgentState.ON_CALL) {
            return;
          }
          a.idleSince = clock.instant();
          if (a.logoutAfterCall) {
            a.logoutAfterCall = false;
            transition(a, AgentState.LOGGED_OUT, "unregistered");
          } else {
            makeAvailable(a, "call-ended");
          }
        });
  }

  /** A snapshot of the ACD's state, taken on its thread. */
  public CompletableFuture<AcdSnapshot> snapshot() {
    return CompletableFuture.supplyAsync(this::takeSnapshot, actor);
  }

  private AcdSnapshot takeSnapshot() {
    Map<String, Integer> waiting = new HashMap<>();
    waitingByQueue.forEach((q, set) -> waiting.put(q, set.size()));
    Map<String, AgentState> states = new HashMap<>();
    agents.forEach((id, a) -> states.put(id, a.state));
    return new AcdSnapshot(waiting, states);
  }

  private void makeAvailable(AgentSlot a, String reason) {
    transition(a, AgentState.AVAILABLE, reason);
    for (String q : a.agent.queues()) {
      free(q).add(a);
    }
    matchAgent(a);
  }

  private void removeFree(AgentSlot a) {
    for (String q : a.agent.queues()) {
      free(q).remove(a);
    }
  }

  /** A call arrived or came back: the longest-idle free agent of its queue that may take it. */
  private void matchCall(WaitingCall w) {
    Instant now = clock.instant();
    for (AgentSlot a : free(w.call.queue())) {
      if (w.mayOffer(a.id(), now)) {
        offer(w, a);
        return;
      }
    }
  }

  /** An agent became free: the best waiting call across the agent's queues. */
  private void matchAgent(AgentSlot a) {
    Instant now = clock.instant();
    WaitingCall best = null;
    for (String q : a.agent.queues()) {
      for (WaitingCall w : waiting(q)) {
        if (w.mayOffer(a.id(), now)) {
          if (best == null || PRIORITY_THEN_ARRIVAL.compare(w, best) < 0) {
            best = w;
          }
          break;
        }
      }
    }
    if (best != null) {
      offer(best, a);
    }
  }

  private void offer(WaitingCall w, AgentSlot a) {
    waiting(w.call.queue()).remove(w);
    removeFree(a);
    w.offeredTo = a.id();
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
        calls.remove(w.call.callId());
        a.callsToday++;
        transition(a, AgentState.ON_CALL, w.call.callId());
      }
      case NOT_ANSWERED -> {
        notAnswered.increment();
        w.skipUntil.put(a.id(), clock.instant().plus(retryAfterNoAnswer));
        // The caller keeps their place: same priority, same arrival sequence.
        waiting(w.call.queue()).add(w);
        actor.schedule(() -> retry(w), retryAfterNoAnswer.toMillis(), TimeUnit.MILLISECONDS);
        matchCall(w);
        agentFreeAgain(a, "no-answer");
      }
      case CALL_GONE -> {
        calls.remove(w.call.callId());
        abandoned.increment();
        agentFreeAgain(a, "caller-left");
      }
    }
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
    if (calls.get(w.call.callId()) == w && w.offeredTo == null) {
      matchCall(w);
    }
  }

  private void transition(AgentSlot a, AgentState to, String reason) {
    AgentState from = a.state;
    a.state = to;
    if (from != to) {
      bus.publish(new AgentEvent.StateChanged(a.id(), from, to, reason, clock.instant()));
    }
  }

  private NavigableSet<AgentSlot> free(String queue) {
    return freeByQueue.computeIfAbsent(queue, q -> new TreeSet<>(LONGEST_IDLE));
  }

  private NavigableSet<WaitingCall> waiting(String queue) {
    return waitingByQueue.computeIfAbsent(queue, q -> new TreeSet<>(PRIORITY_THEN_ARRIVAL));
  }
}
