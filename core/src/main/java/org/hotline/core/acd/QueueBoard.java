package org.hotline.core.acd;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.hotline.core.agent.Agent;

/**
 * The ACD's matching, without threads, time or I/O: agents, the free agents of each queue in the
 * queue's {@link RoutingStrategy} order, and the waiting calls of each queue by (priority,
 * arrival). Every operation costs O(log n) in the agents and calls involved (plus the agents or
 * calls skipped because they just missed this call). Not thread-safe: the {@link Acd} actor owns
 * it.
 *
 * <p>The board moves agents and calls between its sets; agent states and events are the actor's.
 * The caller keeps the invariant that an agent is free (in its queues' sets) exactly while it is
 * available.
 */
final class QueueBoard {
  private static final Comparator<WaitingCall> PRIORITY_THEN_ARRIVAL =
      Comparator.comparingInt((WaitingCall w) -> w.call.priority()).thenComparingLong(w -> w.sequence);

  private final Function<String, RoutingStrategy> strategyOf;
  private final Map<String, AgentSlot> agents = new HashMap<>();
  private final Map<String, NavigableSet<AgentSlot>> freeByQueue = new HashMap<>();
  private final Map<String, NavigableSet<WaitingCall>> waitingByQueue = new HashMap<>();
  private final Map<String, WaitingCall> calls = new HashMap<>();
  private long arrivals;
  private long offers;

  QueueBoard(Function<String, RoutingStrategy> strategyOf) {
    this.strategyOf = strategyOf;
  }

  /** The agent's slot, created (logged out, not free) on first sight. */
  AgentSlot add(Agent agent) {
    return agents.computeIfAbsent(agent.id(), id -> new AgentSlot(agent));
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

  /** A new call, arrived {@code now}, waits in its queue; null when the call is already known. */
  WaitingCall enqueue(QueuedCall call, Instant now) {
    if (calls.containsKey(call.callId())) {
      return null;
    }
    WaitingCall w = new WaitingCall(call, arrivals++, now);
    calls.put(call.callId(), w);
    waiting(call.queue()).add(w);
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

  /** The call leaves the ACD (answered, gone, abandoned). */
  void forget(WaitingCall w) {
    calls.remove(w.call.callId());
    waiting(w.call.queue()).remove(w);
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

  /**
   * The waiting call the free agent {@code a} should take: the first by (priority, arrival) across
   * the agent's queues, reserved for it; null when none.
   */
  WaitingCall matchAgent(AgentSlot a, Instant now) {
    WaitingCall best = null;
    for (String q : a.agent.queues()) {
      NavigableSet<WaitingCall> set = waitingByQueue.get(q);
      if (set == null) {
        continue;
      }
      for (WaitingCall w : set) {
        if (w.mayOffer(a.id(), now)) {
          if (best == null || PRIORITY_THEN_ARRIVAL.compare(w, best) < 0) {
            best = w;
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

  private void reserve(WaitingCall w, AgentSlot a) {
    waiting(w.call.queue()).remove(w);
    unfree(a);
    w.offeredTo = a.id();
    a.lastOffered = ++offers;
  }

  /** Every call in the ACD not yet answered: waiting or being offered. */
  Iterable<WaitingCall> calls() {
    return calls.values();
  }

  /** Waiting calls per queue (queues that ever had one). */
  Map<String, NavigableSet<WaitingCall>> waitingByQueue() {
    return waitingByQueue;
  }

  private NavigableSet<AgentSlot> free(String queue) {
    return freeByQueue.computeIfAbsent(queue, q -> new TreeSet<>(strategyOf.apply(q).order()));
  }

  private NavigableSet<WaitingCall> waiting(String queue) {
    return waitingByQueue.computeIfAbsent(queue, q -> new TreeSet<>(PRIORITY_THEN_ARRIVAL));
  }
}
