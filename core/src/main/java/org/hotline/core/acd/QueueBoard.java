package org.hotline.core.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.hotline.core.agent.Agent;
import org.hotline.core.callback.CallbackRequest;

/**
 * The ACD's matching, without threads, time or I/O: agents, the free agents of each queue in the
 * queue's {@link RoutingStrategy} order, and the waiting calls of each queue by (priority,
 * arrival). Every operation costs O(log n) in the agents and calls involved (plus the agents or
 * calls skipped because they just missed this call), and an agent of several queues compares only
 * the heads of its queues. Not thread-safe: the {@link Acd} actor owns it.
 *
 * <p>Across queues, at equal priority, the call with the largest {@code wait x weight} of its queue
 * goes first (see {@link QueueSettings#weight()}); within a queue, weight changes nothing.
 *
 * <p>The board moves agents and calls between its sets; agent states and events are the actor's.
 * The caller keeps the invariant that an agent is free (in its queues' sets) exactly while it is
 * available.
 */
final class QueueBoard {
  private static final Comparator<WaitingCall> PRIORITY_THEN_ARRIVAL =
      Comparator.comparingInt((WaitingCall w) -> w.call.priority())
          .thenComparing((WaitingCall w) -> w.arrivedAt)
          .thenComparingLong(w -> w.sequence);

  private final Function<String, RoutingStrategy> strategyOf;
  private final ToIntFunction<String> weightOf;
  private final Map<String, AgentSlot> agents = new HashMap<>();
  private final Map<String, NavigableSet<AgentSlot>> freeByQueue = new HashMap<>();
  private final Map<String, NavigableSet<WaitingCall>> waitingByQueue = new HashMap<>();
  private final Map<String, WaitingCall> calls = new HashMap<>();
  private final Map<String, Integer> callersByQueue = new HashMap<>();
  private final Map<String, Integer> loggedInByQueue = new HashMap<>();
  private long arrivals;
  private long offers;

  /** A board whose queues all weigh 1. */
  QueueBoard(Function<String, RoutingStrategy> strategyOf) {
    this(strategyOf, q -> 1);
  }

  QueueBoard(Function<String, RoutingStrategy> strategyOf, ToIntFunction<String> weightOf) {
    this.strategyOf = strategyOf;
    this.weightOf = weightOf;
  }

  /** The agent's slot, created (logged out, not free) on first sight. */
  AgentSlot add(Agent agent) {
    return agents.computeIfAbsent(agent.id(), id -> new AgentSlot(agent));
  }

  /** Forgets the agent; the caller has taken it out of the free sets and the logged-in counts. */
  void remove(AgentSlot a) {
    agents.remove(a.id());
  }

  AgentSlot agent(String id) {
    return agents.get(id);
  }

  Map<String, AgentSlot> agents() {
    return agents;
  }

  /** The agent may take calls of its queues. */
  void free(AgentSlot a) {
    for (String q : a.agent.queues()) {
      free(q).add(a);
    }
  }

  /** The agent takes no calls. */
  void unfree(AgentSlot a) {
    for (String q : a.agent.queues()) {
      free(q).remove(a);
    }
  }

  /** The agent logged in ({@code +1}) or out ({@code -1}) in each of its queues. */
  void countLoggedIn(AgentSlot a, int delta) {
    for (String q : a.agent.queues()) {
      loggedInByQueue.merge(q, delta, Integer::sum);
    }
  }

  /** Agents of {@code queue} logged in (any state but logged out). */
  int loggedIn(String queue) {
    return loggedInByQueue.getOrDefault(queue, 0);
  }

  /**
   * A new call, arrived {@code now}, waits in its queue; null when the call is already known.
   * {@code beenIn}: the queues it overflowed from.
   */
  WaitingCall enqueue(QueuedCall call, Instant now, Set<String> beenIn) {
    if (calls.containsKey(call.callId())) {
      return null;
    }
    WaitingCall w = new WaitingCall(call, arrivals++, now, beenIn);
    calls.put(call.callId(), w);
    callersByQueue.merge(call.queue(), 1, Integer::sum);
    waiting(call.queue()).add(w);
    return w;
  }

  /**
   * A callback waits in its queue at the caller's kept place ({@link CallbackRequest#placeSince}
   * and priority); null when it is already in.
   */
  WaitingCall enqueue(CallbackRequest request) {
    String key = WaitingCall.keyOf(request);
    if (calls.containsKey(key)) {
      return null;
    }
    QueuedCall stand = new QueuedCall(key, request.queue(), request.priority(), request.number());
    WaitingCall w = new WaitingCall(stand, request, arrivals++, request.placeSince());
    calls.put(key, w);
    waiting(request.queue()).add(w);
    return w;
  }

  /** A call whose offer was not answered waits again, at its old place. */
  void requeue(WaitingCall w) {
    waiting(w.call.queue()).add(w);
  }

  /** 1 + the calls ahead of {@code w} in its queue; O(calls ahead). */
  int position(WaitingCall w) {
    return waiting(w.call.queue()).headSet(w, false).size() + 1;
  }

  WaitingCall call(String callId) {
    return calls.get(callId);
  }

  /** The call leaves the ACD (answered, gone, abandoned, given back). */
  void forget(WaitingCall w) {
    if (calls.remove(w.call.callId(), w) && !w.isCallback()) {
      callersByQueue.merge(w.call.queue(), -1, Integer::sum);
    }
    waiting(w.call.queue()).remove(w);
  }

  /** Callers (not callbacks) of {@code queue} in the ACD: waiting or ringing an agent. */
  int callers(String queue) {
    return callersByQueue.getOrDefault(queue, 0);
  }

  /**
   * The best free agent of the call's queue that may take it, reserved for the call (both leave
   * their sets); null when none.
   */
  AgentSlot matchCall(WaitingCall w, Instant now) {
    for (AgentSlot a : free(w.call.queue())) {
      if (w.mayOffer(a.id(), now)) {
        reserve(w, a);
        return a;
      }
    }
    return null;
  }

  /** Ring-all: every free agent of the call's queue that may take it, all reserved for the call. */
  List<AgentSlot> matchAll(WaitingCall w, Instant now) {
    List<AgentSlot> found = new ArrayList<>();
    for (AgentSlot a : free(w.call.queue())) {
      if (w.mayOffer(a.id(), now)) {
        found.add(a);
      }
    }
    // Reserved after the walk: reserving takes the agent out of the set being walked.
    found.forEach(a -> reserve(w, a));
    return found;
  }

  /**
   * The waiting call the free agent {@code a} should take, reserved for it; null when none. In each
   * of the agent's queues the first call by (priority, arrival) it may take; among those, the best
   * priority, then the largest {@code wait x weight} at {@code now}, then the earliest.
   */
  WaitingCall matchAgent(AgentSlot a, Instant now) {
    WaitingCall best = null;
    long bestScore = 0;
    for (String q : a.agent.queues()) {
      NavigableSet<WaitingCall> set = waitingByQueue.get(q);
      if (set == null) {
        continue;
      }
      for (WaitingCall w : set) {
        if (w.mayOffer(a.id(), now)) {
          long score =
              Math.max(0, Duration.between(w.arrivedAt, now).toMillis()) * weightOf.applyAsInt(q);
          if (best == null || better(w, score, best, bestScore)) {
            best = w;
            bestScore = score;
          }
          break;
        }
      }
    }
    if (best != null) {
      reserve(best, a);
    }
    return best;
  }

  private static boolean better(WaitingCall w, long score, WaitingCall best, long bestScore) {
    if (w.call.priority() != best.call.priority()) {
      return w.call.priority() < best.call.priority();
    }
    if (score != bestScore) {
      return score > bestScore;
    }
    return PRIORITY_THEN_ARRIVAL.compare(w, best) < 0;
  }

  /** {@code a} rings for {@code w}: both leave their sets. */
  void reserve(WaitingCall w, AgentSlot a) {
    waiting(w.call.queue()).remove(w);
    unfree(a);
    w.ringing.add(a.id());
    a.lastOffered = ++offers;
  }

  /** The queue's strategy changed: its free agents are sorted again by the new order. */
  void reorder(String queue) {
    NavigableSet<AgentSlot> old = freeByQueue.remove(queue);
    if (old != null) {
      free(queue).addAll(old);
    }
  }

  /** A new day: every agent's calls today go back to zero, and the free sets are sorted again. */
  void newDay() {
    Map<String, List<AgentSlot>> free = new HashMap<>();
    freeByQueue.forEach((q, set) -> free.put(q, new ArrayList<>(set)));
    freeByQueue.clear();
    agents.values().forEach(a -> a.callsToday = 0);
    free.forEach((q, list) -> free(q).addAll(list));
  }

  /** Every call in the ACD not yet answered: waiting or being offered, callers and callbacks. */
  Iterable<WaitingCall> calls() {
    return calls.values();
  }

  /** Waiting calls per queue (queues that ever had one). */
  Map<String, NavigableSet<WaitingCall>> waitingByQueue() {
    return waitingByQueue;
  }

  /** The calls waiting in {@code queue} (not being offered), best first; a copy. */
  List<WaitingCall> waitingIn(String queue) {
    NavigableSet<WaitingCall> set = waitingByQueue.get(queue);
    return set == null ? List.of() : new ArrayList<>(set);
  }

  private NavigableSet<AgentSlot> free(String queue) {
    return freeByQueue.computeIfAbsent(queue, q -> new TreeSet<>(strategyOf.apply(q).order(q)));
  }

  private NavigableSet<WaitingCall> waiting(String queue) {
    return waitingByQueue.computeIfAbsent(queue, q -> new TreeSet<>(PRIORITY_THEN_ARRIVAL));
  }
}
