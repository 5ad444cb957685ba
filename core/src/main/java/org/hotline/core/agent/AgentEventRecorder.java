package org.hotline.core.agent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.hotline.core.event.AgentEvent;
import org.hotline.core.event.EventBus;
import org.hotline.core.event.HotlineEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Stores every agent state change published on the event bus, off the publisher's thread: the ACD
 * publishes on its own thread, which must never wait for the database, so each change is handed to
 * the database write pool ({@code Database.writes()}).
 *
 * <p>A change that cannot be written is counted and logged with the agent, not retried: it is
 * report data, and a retry would reorder it behind later changes.
 *
 * <p>Meters: {@code hotline.agent.events.written}, {@code hotline.agent.events.failed}.
 */
public final class AgentEventRecorder implements Consumer<HotlineEvent>, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AgentEventRecorder.class);

  private final AgentEventRepository repository;
  private final Executor writes;
  private final EventBus bus;
  private final Counter written;
  private final Counter failed;

  /** Subscribes to {@code bus} at once; {@link #close} unsubscribes. */
  public AgentEventRecorder(
      AgentEventRepository repository, Executor writes, EventBus bus, MeterRegistry meters) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.writes = Objects.requireNonNull(writes, "writes");
    this.bus = bus;
    this.written =
        Counter.builder("hotline.agent.events.written")
            .description("agent state changes stored")
            .register(meters);
    this.failed =
        Counter.builder("hotline.agent.events.failed")
            .description("agent state changes not stored")
            .register(meters);
    bus.subscribe(this);
  }

  @Override
  public void accept(HotlineEvent event) {
    if (event instanceof AgentEvent.StateChanged change) {
      try {
        writes.execute(() -> write(change));
      } catch (RejectedExecutionException e) {
        fail(change, e);
      }
    }
  }

  private void write(AgentEvent.StateChanged change) {
    try {
      repository.insert(change);
      written.increment();
    } catch (RuntimeException e) {
      fail(change, e);
    }
  }

  private void fail(AgentEvent.StateChanged change, Exception e) {
    failed.increment();
    MDC.put("agentId", change.agentId());
    try {
      log.error(
          "agent {} state change {} -> {} at {} NOT stored: {}",
          change.agentId(),
          change.from(),
          change.to(),
          change.at(),
          e.toString());
    } finally {
      MDC.remove("agentId");
    }
  }

  @Override
  public void close() {
    bus.unsubscribe(this);
  }
}
