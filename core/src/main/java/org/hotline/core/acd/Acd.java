package org.hotline.core.acd;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.hotline.core.agent.Agent;
import org.hotline.core.agent.AgentControl;
import org.hotline.core.callback.CallbackRequest;
import org.hotline.core.callback.CallbackStates;
import org.hotline.core.event.EventBus;
import org.hotline.core.flow.QueuePlace;

/**
 * The automatic call distributor: one logical actor. Every change (an agent registers, a call is
 * enqueued, an offer ends, a caller leaves, a timer is due) is a message run in order on one
 * executor, so no two decisions race. Every method returns at once; the decisions are the {@link
 * Dispatcher}'s, on the actor's thread.
 *
 * <p>The matching itself is the synchronous {@link QueueBoard} (O(log n) per match). Each queue
 * follows its {@link QueueSettings} ({@link AcdPolicy#settingsOf}), which {@link #configure}
 * changes live: routing strategy, wrap-up, weight, and limits that {@linkplain
 * AgentConnector#giveBack give a call back} to its flow. Queue figures are published on the bus as
 * {@link org.hotline.core.event.QueueEvent}s, coalesced. Nothing blocks the actor: callback
 * outcomes are written to the database on the {@code writes} executor.
 */
public final class Acd implements AgentControl {
  private final ScheduledExecutorService actor;
  private final Dispatcher dispatcher;
  private final AgentStates agents;
  private final AcdPolicy breakReasons;

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

  /** An ACD that does not record callback outcomes ({@link CallbackStates#NONE}). */
  public Acd(
      ScheduledExecutorService actor,
      Clock clock,
      AgentConnector connector,
      EventBus bus,
      MeterRegistry metrics,
      Duration retryAfterNoAnswer,
      AcdPolicy policy) {
    this(
        actor,
        clock,
        connector,
        bus,
        metrics,
        retryAfterNoAnswer,
        policy,
        CallbackStates.NONE,
        Runnable::run);
  }

  /**
   * @param actor a single-threaded executor that is the ACD's only thread
   * @param retryAfterNoAnswer how long an agent who did not answer a call is skipped for that call
   * @param policy every queue's settings, missed-offer, break and callback rules
   * @param callbackStates where callback outcomes are recorded (the {@code CallbackRepository})
   * @param writes runs those records off the actor's thread (the database write pool)
   */
  public Acd(
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
    this.breakReasons = Objects.requireNonNull(policy, "policy");
    this.dispatcher =
        new Dispatcher(
            actor,
            clock,
            connector,
            bus,
            metrics,
            retryAfterNoAnswer,
            policy,
            callbackStates,
            writes);
    this.agents = dispatcher.agents();
    actor.execute(dispatcher::start);
  }

  /** Makes an agent known to routing (logged out until it registers); see {@link #updateAgent}. */
  public void addAgent(Agent agent) {
    actor.execute(() -> agents.addAgent(agent));
  }

  /**
   * Adds the agent, or applies a change of an agent's queues and levels at once: a free agent is
   * sorted again and may take a waiting call of a new queue; an agent ringing or on a call keeps
   * it. A queue the agent left that has no agent logged in any more gives its callers back when it
   * does not keep them ({@link QueueSettings#joinWhenNoAgents()}).
   */
  public void updateAgent(Agent agent) {
    actor.execute(() -> agents.updateAgent(agent));
  }

  /**
   * Takes the agent out of routing and forgets them: at once when not on a call, else when the call
   * (and its wrap-up) ends. A ringing offer ends by itself.
   */
  public void removeAgent(String agentId) {
    actor.execute(() -> agents.removeAgent(agentId));
  }

  /** The agent's phone registered: a registered agent is ready unless they logged out. */
  public void agentRegistered(String agentId) {
    actor.execute(() -> agents.agentRegistered(agentId));
  }

  /**
   * The agent's registration ended or expired: out of routing, after the current call (and its
   * wrap-up).
   */
  public void agentUnregistered(String agentId) {
    actor.execute(() -> agents.agentUnregistered(agentId));
  }

  /**
   * {@inheritDoc}
   *
   * <p>From a break or wrap-up: available at once. Logged out: available when the phone is
   * registered (else at its next registration). On a call: cancels a break or logout asked for
   * after it.
   */
  @Override
  public void ready(String agentId) {
    actor.execute(() -> agents.ready(agentId));
  }

  /**
   * {@inheritDoc}
   *
   * <p>From available or wrap-up: on break at once. Ringing or on a call: the break starts when the
   * call (and its wrap-up) ends. On break already or logged out: nothing changes.
   *
   * @throws IllegalArgumentException naming the allowed reasons when {@code reason} is not one of
   *     {@link AcdPolicy#breakReasons()}
   */
  @Override
  public void pause(String agentId, String reason) {
    // The break reasons never change, so the policy given at construction answers for them.
    breakReasons.requireBreakReason(reason);
    actor.execute(() -> agents.pause(agentId, reason));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Logged out until {@link #ready}, even while the phone stays registered; ringing, on a call
   * or in wrap-up: when that ends, as with {@link #agentUnregistered}.
   */
  @Override
  public void logout(String agentId) {
    actor.execute(() -> agents.logout(agentId));
  }

  /** The agent's call ended: wrap-up for the call's queue, if any, then available again. */
  public void agentCallEnded(String agentId) {
    actor.execute(() -> agents.agentCallEnded(agentId));
  }

  /**
   * Takes an available agent out of routing for a call that comes from no queue's turn: a
   * click-to-call from their desktop, or a transfer that rings them. The agent is then {@code
   * reserved} (reason {@code why}) until the call layer reports {@link #directConnected} or {@link
   * #release}.
   *
   * @return the agent when they were available; empty when unknown or not available
   */
  public CompletableFuture<Optional<Agent>> reserve(String agentId, String why) {
    return CompletableFuture.supplyAsync(() -> agents.reserve(agentId, why), actor);
  }

  /**
   * A reserved agent answered the call {@code callId}: on a call, whose end is reported with {@link
   * #agentCallEnded} (wrap-up for {@code queue}, none when null).
   */
  public void directConnected(String agentId, String queue, String callId) {
    actor.execute(() -> agents.directConnected(agentId, queue, callId));
  }

  /**
   * A reserved agent's call did not happen (they hung up, the number did not answer): free again.
   */
  public void release(String agentId, String why) {
    actor.execute(() -> agents.release(agentId, why));
  }

  /**
   * A reserved agent let a call transferred to them ring out: a missed offer, as for a queue's call
   * (after {@link AcdPolicy#maxMissed()} in a row, a break), else free again.
   */
  public void missed(String agentId) {
    actor.execute(() -> agents.directMissed(agentId));
  }

  /**
   * Puts a call in its queue and offers it at once when an agent is free. A call the queue does not
   * let in is {@linkplain AgentConnector#giveBack given back} at once: {@link QueueExit#FULL} when
   * it holds {@link QueueSettings#maxWaiting()} callers already, {@link QueueExit#NO_AGENTS} when
   * none of its agents is logged in and it does not take calls then. A call in the queue longer
   * than {@link QueueSettings#maxWait()} is given back {@link QueueExit#MAX_WAIT}.
   */
  public void enqueue(QueuedCall call) {
    actor.execute(() -> dispatcher.enqueue(call));
  }

  /**
   * Puts a pending callback request in its queue at the caller's kept place ({@link
   * CallbackRequest#placeSince()}, priority) among the waiting calls. When its turn comes and an
   * agent is free, the connector {@linkplain AgentConnector#callBack calls back}: answered, the
   * agent is on a call (the connector reports its end with {@link #agentCallEnded}) and the request
   * is done; the agent did not answer, a missed offer and the request keeps its place; the customer
   * was not reached, one attempt, and after {@link AcdPolicy#callbackAttempts()} of them the
   * request fails and leaves (else it waits {@link AcdPolicy#callbackRetry()} at its place).
   * Callbacks do not count against {@link QueueSettings#maxWaiting()} and have no max wait. At
   * start, the server enqueues every pending request. A request already in is ignored.
   */
  public void enqueueCallback(CallbackRequest request) {
    actor.execute(() -> dispatcher.enqueueCallback(request));
  }

  /**
   * The caller left while waiting: the call leaves the queue (an offer in progress ends by itself).
   */
  public void abandon(String callId) {
    actor.execute(() -> dispatcher.abandon(callId));
  }

  /**
   * Where the call stands in its queue: position among the waiting calls (and callbacks) by
   * (priority, arrival), how many wait, and the estimated wait from the queue's recent answers.
   */
  public CompletableFuture<QueuePlace> place(String callId) {
    return CompletableFuture.supplyAsync(() -> dispatcher.place(callId), actor);
  }

  /**
   * The caller chose to leave the queue (for voicemail or a callback): unlike {@link #abandon} it
   * is not counted as abandoned. A call being offered leaves when its offer ends.
   */
  public void leave(String callId) {
    actor.execute(() -> dispatcher.leave(callId));
  }

  /**
   * Sets {@code queue}'s own settings, at once: a new strategy sorts the queue's free agents again;
   * a new max wait applies to the callers already waiting; a queue that no longer takes calls
   * without agents gives its callers back when none is logged in. Wrap-up and limits apply from the
   * next call; callers already in stay even above a lower {@code maxWaiting}.
   */
  public void configure(String queue, QueueSettings settings) {
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(settings, "settings");
    actor.execute(() -> dispatcher.configure(queue, settings));
  }

  /** {@code queue} goes back to the default settings, at once, as with {@link #configure}. */
  public void resetQueue(String queue) {
    actor.execute(() -> dispatcher.resetQueue(queue));
  }

  /** The settings in force, read on the ACD's thread. */
  public CompletableFuture<AcdPolicy> policy() {
    return CompletableFuture.supplyAsync(dispatcher::policy, actor);
  }

  /**
   * Runs the timers due by the clock. The ACD wakes itself when a timer is due; tests that drive a
   * {@code ManualClock} call this after advancing it.
   */
  public void tick() {
    actor.execute(() -> dispatcher.tick());
  }

  /** A snapshot of the ACD's state, taken on its thread. */
  public CompletableFuture<AcdSnapshot> snapshot() {
    return CompletableFuture.supplyAsync(dispatcher::snapshot, actor);
  }
}
