package org.hotline.ivr.fake;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.hotline.core.flow.QueuePlace;
import org.hotline.core.flow.QueueWait;

/**
 * A wait in a queue for flow tests: the agent answers when the test (or the media script's
 * {@code @}) says so, and {@link #place} answers from a script; past it, the last place again.
 */
public final class FakeQueueWait implements QueueWait {
  /** When every fake call joins its queue. */
  public static final Instant QUEUED_AT = Instant.parse("2026-03-02T02:00:00Z");

  private final String queue;
  private final List<String> log;
  private final Deque<QueuePlace> places;
  private final CompletableFuture<Boolean> connected = new CompletableFuture<>();
  private QueuePlace last = new QueuePlace(1, 1, Optional.empty());

  FakeQueueWait(String queue, List<String> log, Deque<QueuePlace> places) {
    this.queue = queue;
    this.log = log;
    this.places = new ArrayDeque<>(places);
  }

  /** An agent answers: the call is bridged. */
  public void agentAnswers() {
    if (connected.complete(true)) {
      log.add("agent answers");
    }
  }

  /** The queue gives the call back with the caller still there (it closed, the wait ran out). */
  public void givesBack() {
    if (connected.complete(false)) {
      log.add("queue gives back");
    }
  }

  /** The call ended (the caller hung up). */
  void callEnded() {
    connected.complete(false);
  }

  @Override
  public String queue() {
    return queue;
  }

  @Override
  public Instant queuedAt() {
    return QUEUED_AT;
  }

  @Override
  public CompletableFuture<Boolean> connected() {
    return connected;
  }

  @Override
  public CompletableFuture<QueuePlace> place() {
    if (!places.isEmpty()) {
      last = places.poll();
    }
    return CompletableFuture.completedFuture(connected.isDone() ? QueuePlace.NOT_WAITING : last);
  }

  @Override
  public CompletableFuture<Boolean> leave() {
    if (connected.isDone()) {
      return CompletableFuture.completedFuture(false);
    }
    log.add("leave " + queue);
    connected.complete(false);
    return CompletableFuture.completedFuture(true);
  }
}
