package org.hotline.sip.call;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.hotline.core.acd.Offer;
import org.hotline.core.acd.OfferResult;
import org.hotline.core.acd.QueueExit;
import org.hotline.core.acd.QueuedCall;
import org.hotline.core.call.Call;
import org.hotline.core.event.CallEvent;
import org.hotline.core.flow.QueuePlace;
import org.hotline.core.flow.QueueWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An inbound call's time in the ACD's queues: the flow enqueues it and may take it out again, the
 * ACD offers it to agents (whose phones ring in the call's {@link RingGroup}), moves it to an
 * overflow queue or gives it back to the flow. Runs on the call's executor, except {@link
 * #enqueue}, which the flow calls from its thread.
 */
final class QueueStay {
  private static final Logger log = LoggerFactory.getLogger(QueueStay.class);

  private final CallServices services;
  private final CallSession session;

  /** The current wait in a queue; completes true when an agent answers. */
  private CompletableFuture<Boolean> connected = CompletableFuture.completedFuture(false);

  /** The flow's view of the current (or last) wait in a queue. */
  private Wait waiting;

  QueueStay(CallServices services, CallSession session) {
    this.services = services;
    this.session = session;
  }

  /** The flow puts the call in {@code queue}; called on the flow's thread. */
  QueueWait enqueue(String queue, int priority) {
    Instant at = services.clock().instant();
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    Wait wait = new Wait(queue, at, done);
    session
        .executor()
        .execute(
            () -> {
              if (!session.states().accepts(CallTrigger.ENQUEUED)) {
                done.complete(false);
                return;
              }
              session.states().fire(CallTrigger.ENQUEUED);
              connected = done;
              waiting = wait;
              Call call = session.call();
              call.queued(queue, at);
              services.bus().publish(new CallEvent.Queued(call.id(), queue, priority, at));
              services
                  .acd()
                  .enqueue(new QueuedCall(call.id(), queue, priority, call.callerNumber()));
            });
    return wait;
  }

  /** The ACD offers the call to an agent: ring their phone. */
  CompletableFuture<OfferResult> offer(Offer offer) {
    CompletableFuture<OfferResult> result = new CompletableFuture<>();
    session
        .executor()
        .execute(
            () -> {
              // OFFERING too: ring-all offers one call to several agents at once.
              if (!session.states().accepts(CallTrigger.OFFERED)) {
                result.complete(OfferResult.CALL_GONE);
                return;
              }
              var binding = services.locations().newest(offer.agent().sipUser());
              if (binding.isEmpty()) {
                result.complete(OfferResult.NOT_ANSWERED);
                return;
              }
              session.states().fire(CallTrigger.OFFERED);
              Call call = session.call();
              call.offered(offer.agent().id(), services.clock().instant());
              services
                  .bus()
                  .publish(
                      new CallEvent.Offered(
                          call.id(),
                          offer.agent().id(),
                          offer.call().queue(),
                          call.callerNumber(),
                          call.ivrChoice(),
                          call.queuedAt(),
                          call.offeredAt()));
              var target =
                  new RingGroup.Target(
                      offer.agent(),
                      binding.get().contactUri(),
                      binding.get().transport(),
                      offer.ringTimeout());
              session
                  .ringing()
                  .ring(
                      target,
                      result,
                      call.callerNumber(),
                      call.callerName(),
                      session.callerMedia());
            });
    return result;
  }

  /**
   * The ACD moved the waiting call to {@code to}, the overflow queue of the one it waited in: the
   * CDR and the screen pop name that queue now, and the wait counts from when the call first
   * joined. The flow keeps playing what it played.
   */
  void overflowed(String to) {
    session
        .executor()
        .execute(
            () -> {
              if (session.state() == CallState.QUEUED && waiting != null) {
                log.info(
                    "queue {} passed the call to its overflow queue {}",
                    session.call().queue(),
                    to);
                session.call().overflowedTo(to);
                waiting.queue = to;
              }
            });
  }

  /** The ACD gives the waiting call back: the flow goes on after its {@code enqueue}. */
  void givenBack(QueueExit why) {
    session
        .executor()
        .execute(
            () -> {
              if (session.states().accepts(CallTrigger.GIVEN_BACK)) {
                session.states().fire(CallTrigger.GIVEN_BACK);
                log.info("queue {} gave the call back: {}", session.call().queue(), why.code());
                connected.complete(false);
              }
            });
  }

  /** An agent the ACD offered the call to answered: the flow's wait ends, connected. */
  void agentAnswered() {
    connected.complete(true);
  }

  /** The call ended: the flow's wait ends, not connected. */
  void ended() {
    connected.complete(false);
  }

  /** A wait in a queue as the flow sees it. */
  private final class Wait implements QueueWait {
    /** The queue the call waits in: another one after it overflowed. */
    private volatile String queue;

    private final Instant queuedAt;
    private final CompletableFuture<Boolean> done;

    Wait(String queue, Instant queuedAt, CompletableFuture<Boolean> done) {
      this.queue = queue;
      this.queuedAt = queuedAt;
      this.done = done;
    }

    @Override
    public String queue() {
      return queue;
    }

    @Override
    public Instant queuedAt() {
      return queuedAt;
    }

    @Override
    public CompletableFuture<Boolean> connected() {
      return done;
    }

    @Override
    public CompletableFuture<QueuePlace> place() {
      return done.isDone()
          ? CompletableFuture.completedFuture(QueuePlace.NOT_WAITING)
          : services.acd().place(session.id());
    }

    @Override
    public CompletableFuture<Boolean> leave() {
      CompletableFuture<Boolean> left = new CompletableFuture<>();
      session
          .executor()
          .execute(
              () -> {
                if (connected != done || !session.states().accepts(CallTrigger.LEFT_QUEUE)) {
                  left.complete(false);
                  return;
                }
                services.acd().leave(session.call().id());
                session
                    .ringing()
                    .hangUpAll(); // a ringing phone stops; the ACD counts the call as left
                session.states().fire(CallTrigger.LEFT_QUEUE);
                done.complete(false);
                log.info("caller left queue {}", queue);
                left.complete(true);
              });
      return left;
    }
  }
}
