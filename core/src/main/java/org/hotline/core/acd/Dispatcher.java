package org.hotline.core.acd;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.hotline.core.agent.AgentState;
import org.hotline.core.callback.CallbackRequest;
import org.hotline.core.callback.CallbackStates;
import org.hotline.core.event.EventBus;
import org.hotline.core.flow.QueuePlace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The ACD's decisions, run on its actor's thread only: {@link Acd} hands every message here in
 * order. It owns agent states and their events, the offers to the {@link AgentConnector} (one
 * agent, or every free one with ring-all) and their outcomes, today's counts and the wait
 * estimates; the matching is the {@link QueueBoard}'s, the limits {@link QueueLimits}', callback
 * outcomes {@link CallbackOutcomes}', and every timer (no-answer retry, wrap-up, max wait,
 * midnight, coalesced queue events) is due by the injected clock ({@link Timers}).
 */
final class Dispatcher {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final ScheduledExecutorService actor;
  private final Clock clock;
  private final AgentConnector connector;
  private final EventBus bus;
  private final Duration retryAfterNoAnswer;
  private final QueueBoard board;
  private final Timers timers;
  private final QueueLimits limits;
  private final CallbackOutcomes callbacks;
  private final QueueCounts today;
  private final Map<String, WaitEstimator> estimators = new HashMap<>();
  private final QueueStatsReader stats;
  private final StatsPublisher publisher;
  private final AcdMeters meters;
  private final AgentStates agents;

  /** Changed only on the actor, by {@link #configure} and {@link #resetQueue}. */
  private AcdPolicy policy;

  /** The day agents' calls today count for. */
  private LocalDate day;

  /**
   * See {@link Acd#Acd(ScheduledExecutorService, Clock, AgentConnector, EventBus, MeterRegistry,
   * Duration, AcdPolicy, CallbackStates, Executor)}.
   */
  Dispatcher(
      ScheduledExecutorService actor,
      Clock clock,
      AgentConnector connector,
      EventBus bus,
      MeterRegistry metrics,
      Duration retryAfterNoAnswer,
      AcdPolicy policy,
      CallbackStates callbackStates,
      Executor writes) {
    this.actor = actor;
    this.clock = clock;
    this.connector = connector;
    this.bus = bus;
    this.retryAfterNoAnswer = retryAfterNoAnswer;
    this.policy = Objects.requireNonNull(policy, "policy");
    this.board =
        new QueueBoard(q -> this.policy.strategyOf(q), q -> this.policy.settingsOf(q).weight());
    this.timers = new Timers(actor, clock);
    this.today = new QueueCounts(clock);
    this.stats = new QueueStatsReader(board, today, q -> this.policy.settingsOf(q), clock);
    this.publisher = new StatsPublisher(stats, bus, clock, timers::at);
    this.meters = new AcdMeters(metrics);
    this.limits =
        new QueueLimits(
            board,
            () -> this.policy,
            today,
            meters,
            connector,
            timers,
            clock,
            this::changed,
            this::enqueue);
    this.callbacks =
        new CallbackOutcomes(
            Objects.requireNonNull(callbackStates, "callbackStates"),
            Objects.requireNonNull(writes, "writes"),
            board,
            () -> this.policy,
            meters,
            timers,
            clock);
    this.agents =
        new AgentStates(
            board,
            () -> this.policy,
            bus,
            clock,
            timers,
            limits,
            meters,
            this::changed,
            this::matchAgent);
  }

  /** The agents' side: states, registrations, breaks. */
  AgentStates agents() {
    return agents;
  }

  /** Starts the midnight timer: call once, on the actor. */
  void start() {
    armMidnight();
  }

  // --- Calls -------------------------------------------------------------------------------

  /** See {@link Acd#enqueue}. */
  void enqueue(QueuedCall call) {
    enqueue(call, Set.of());
  }

  /** A call joins its queue, or its overflow queue with the queues it overflowed from. */
  private void enqueue(QueuedCall call, Set<String> beenIn) {
    if (board.call(call.callId()) != null) {
      return;
    }
    if (!limits.admits(call, beenIn)) {
      return;
    }
    WaitingCall w = board.enqueue(call, clock.instant(), beenIn);
    meters.enqueued.increment();
    today.of(call.queue()).offered++;
    limits.armMaxWait(w);
    changed(call.queue());
    matchCall(w);
  }

  /** See {@link Acd#enqueueCallback}. */
  void enqueueCallback(CallbackRequest request) {
    WaitingCall w = board.enqueue(request);
    if (w != null) {
      meters.callbacksEnqueued.increment();
      changed(request.queue());
      matchCall(w);
    }
  }

  /** See {@link Acd#abandon}. */
  void abandon(String callId) {
    WaitingCall w = board.call(callId);
    if (w != null && !w.isOffered() && !w.isCallback()) {
      callGone(w);
    }
  }

  /** See {@link Acd#place}. */
  QueuePlace place(String callId) {
    WaitingCall w = board.call(callId);
    if (w == null || w.isOffered()) {
      return QueuePlace.NOT_WAITING;
    }
    int position = board.position(w);
    int waiting = board.waitingByQueue().get(w.call.queue()).size();
    return new QueuePlace(
        position, waiting, estimator(w.call.queue()).estimate(position, clock.instant()));
  }

  /** See {@link Acd#leave}. */
  void leave(String callId) {
    WaitingCall w = board.call(callId);
    if (w == null || w.isCallback()) {
      return;
    }
    w.left = true;
    if (!w.isOffered()) {
      forgetLeft(w);
    }
  }

  // --- Queues ------------------------------------------------------------------------------

  /** See {@link Acd#configure}. */
  void configure(String queue, QueueSettings settings) {
    apply(queue, policy.with(queue, settings));
  }

  /** See {@link Acd#resetQueue}. */
  void resetQueue(String queue) {
    apply(queue, policy.without(queue));
  }

  /** See {@link Acd#policy}. */
  AcdPolicy policy() {
    return policy;
  }

  private void apply(String queue, AcdPolicy changed) {
    QueueSettings before = policy.settingsOf(queue);
    policy = changed;
    QueueSettings after = policy.settingsOf(queue);
    if (!before.strategy().equals(after.strategy())) {
      board.reorder(queue);
    }
    if (!before.maxWait().equals(after.maxWait())) {
      board.waitingIn(queue).forEach(limits::armMaxWait);
    }
    limits.giveBackIfNoAgents(queue);
    changed(queue);
  }

  // --- Time and snapshots ------------------------------------------------------------------

  /** See {@link Acd#tick}. */
  void tick() {
    timers.runDue();
  }

  /** See {@link Acd#snapshot}. */
  AcdSnapshot snapshot() {
    Map<String, Integer> waiting = new HashMap<>();
    board.waitingByQueue().forEach((q, set) -> waiting.put(q, set.size()));
    Map<String, AgentState> states = new HashMap<>();
    board.agents().forEach((id, a) -> states.put(id, a.state));
    return new AcdSnapshot(waiting, states, stats.all(policy.queues().keySet()));
  }

  // --- Matching and offers -----------------------------------------------------------------

  /** A free agent: the call it should take, with any other free agents when it rings all. */
  void matchAgent(AgentSlot a) {
    rollDay();
    Instant now = clock.instant();
    WaitingCall w = board.matchAgent(a, now);
    if (w == null) {
      return;
    }
    offer(w, a);
    if (policy.strategyOf(w.call.queue()).ringsAll()) {
      board.matchAll(w, now).forEach(other -> offer(w, other));
    }
  }

  /** A call arrived or came back: the best free agent of its queue that may take it, or all. */
  private void matchCall(WaitingCall w) {
    rollDay();
    Instant now = clock.instant();
    if (policy.strategyOf(w.call.queue()).ringsAll()) {
      board.matchAll(w, now).forEach(a -> offer(w, a));
    } else {
      AgentSlot a = board.matchCall(w, now);
      if (a != null) {
        offer(w, a);
      }
    }
  }

  /** Rings {@code a} for {@code w}; the board has already reserved them for each other. */
  private void offer(WaitingCall w, AgentSlot a) {
    agents.transition(a, AgentState.RESERVED, w.call.callId());
    meters.offered.increment();
    changed(w.call.queue());
    CompletableFuture<OfferResult> result;
    Duration ringFor = policy.settingsOf(w.call.queue()).ringTimeout();
    try {
      CompletionStage<OfferResult> stage =
          w.isCallback()
              ? connector.callBack(new CallbackOffer(w.callback, a.agent, ringFor))
              : connector.offer(new Offer(w.call, a.agent, ringFor));
      result = stage.toCompletableFuture();
    } catch (RuntimeException e) {
      warn(w, a, "offering failed", e);
      result = CompletableFuture.completedFuture(OfferResult.NOT_ANSWERED);
    }
    result.whenCompleteAsync(
        (r, err) -> offerEnded(w, a, err != null || r == null ? OfferResult.NOT_ANSWERED : r),
        actor);
  }

  private void offerEnded(WaitingCall w, AgentSlot a, OfferResult result) {
    w.ringing.remove(a.id());
    boolean open = board.call(w.call.callId()) == w && !w.answered;
    changed(w.call.queue());
    switch (result) {
      case ANSWERED -> {
        if (open) {
          answered(w, a);
        } else {
          // Ring-all: the connector let a second agent answer; the call is the first one's.
          warn(w, a, "answered after the call was taken or gone", null);
          meters.answeredElsewhere.increment();
          agents.freeAgain(a, "answered-elsewhere");
        }
      }
      case ANSWERED_ELSEWHERE -> {
        meters.answeredElsewhere.increment();
        agents.freeAgain(a, "answered-elsewhere");
      }
      case NOT_ANSWERED -> {
        if (w.answered) {
          // Ring-all: the connector stopped this agent's ringing because another answered.
          meters.answeredElsewhere.increment();
          agents.freeAgain(a, "answered-elsewhere");
          return;
        }
        meters.notAnswered.increment();
        if (open) {
          Instant retryAt = clock.instant().plus(retryAfterNoAnswer);
          w.skipUntil.put(a.id(), retryAt);
          at(retryAt, () -> retry(w));
          if (!w.isOffered()) {
            backToQueue(w);
          }
        }
        agents.missed(a);
      }
      case CALL_GONE -> {
        if (open && w.isCallback()) {
          callbacks.notReached(w, () -> retry(w));
        } else if (open && !w.isOffered()) {
          callGone(w);
        }
        agents.freeAgain(a, w.isCallback() ? "customer-not-reached" : "caller-left");
      }
    }
  }

  private void answered(WaitingCall w, AgentSlot a) {
    w.answered = true;
    meters.answered.increment();
    String q = w.call.queue();
    Instant now = clock.instant();
    Duration waited = Duration.between(w.arrivedAt, now);
    QueueCounts.Today t = today.of(q);
    t.answered++;
    if (waited.compareTo(policy.settingsOf(q).serviceLevel()) <= 0) {
      t.answeredInTime++;
    }
    estimator(q).answered(now, waited);
    board.forget(w);
    rollDay();
    a.callsToday++;
    a.missedInRow = 0;
    a.callQueue = q;
    agents.transition(a, AgentState.ON_CALL, w.call.callId());
    if (w.isCallback()) {
      callbacks.done(w);
    }
  }

  /** An offer (or, with ring-all, every one) of {@code w} ended unanswered: it waits again. */
  private void backToQueue(WaitingCall w) {
    if (w.left) {
      forgetLeft(w);
      return;
    }
    if (limits.givenBackAfterMaxWait(w)) {
      return;
    }
    // The caller keeps their place: same priority, same arrival.
    board.requeue(w);
    matchCall(w);
  }

  /** The caller hung up (or the call ended) before an agent answered. */
  private void callGone(WaitingCall w) {
    if (w.left) {
      forgetLeft(w);
      return;
    }
    board.forget(w);
    meters.abandoned.increment();
    QueueCounts.Today t = today.of(w.call.queue());
    t.abandoned++;
    t.unanswered(
        Duration.between(w.arrivedAt, clock.instant()),
        policy.settingsOf(w.call.queue()).serviceLevel());
    changed(w.call.queue());
  }

  private void forgetLeft(WaitingCall w) {
    board.forget(w);
    meters.left.increment();
    changed(w.call.queue());
  }

  private void retry(WaitingCall w) {
    if (board.call(w.call.callId()) == w && !w.isOffered()) {
      matchCall(w);
    }
  }

  private WaitEstimator estimator(String queue) {
    return estimators.computeIfAbsent(queue, q -> new WaitEstimator());
  }

  // --- Plumbing ----------------------------------------------------------------------------

  private void changed(String queue) {
    publisher.changed(queue);
  }

  private void warn(WaitingCall w, AgentSlot a, String what, Exception e) {
    MDC.put("callId", w.call.callId());
    MDC.put("agentId", a.id());
    try {
      log.warn("call {} agent {}: {}", w.call.callId(), a.id(), what, e);
    } finally {
      MDC.remove("callId");
      MDC.remove("agentId");
    }
  }

  /** A new day in the clock's zone: agents' calls today start again at zero. */
  private void rollDay() {
    LocalDate now = LocalDate.now(clock);
    if (!now.equals(day)) {
      if (day != null) {
        board.newDay();
      }
      day = now;
    }
  }

  private void armMidnight() {
    rollDay();
    at(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant(), this::armMidnight);
  }

  private void at(Instant due, Runnable task) {
    timers.at(due, task);
  }
}
