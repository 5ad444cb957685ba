package org.hotline.admin.assembly;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.hotline.config.HotlineConfig;
import org.hotline.core.db.Database;
import org.hotline.core.event.EventBus;

/**
 * What every layer of a node shares: its configuration and clock, its meters and event bus, its
 * threads and its database.
 *
 * @param calls virtual threads: calls, HTTP handlers, screen-pop lookups
 * @param timers the node's one timer thread
 * @param acdThread the ACD's only thread
 */
public record Node(
    HotlineConfig config,
    Clock clock,
    PrometheusMeterRegistry metrics,
    EventBus bus,
    ExecutorService calls,
    ScheduledExecutorService timers,
    ScheduledExecutorService acdThread,
    Database database) {}
