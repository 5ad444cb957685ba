package org.hotline.core.audit;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends audit entries on the database write pool, never on the caller's thread (an event loop, a
 * SIP stack thread); an entry the pool refuses or the database fails to store is logged instead,
 * whole, so it is not lost from sight.
 */
public final class AuditWriter {
  private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);

  private final AuditRepository audit;
  private final Executor writes;

  /**
   * @param writes the database write pool
   */
  public AuditWriter(AuditRepository audit, Executor writes) {
    this.audit = Objects.requireNonNull(audit, "audit");
    this.writes = Objects.requireNonNull(writes, "writes");
  }

  /** Queues {@code entry} to be stored; returns at once. */
  public void write(AuditEntry entry) {
    try {
      writes.execute(
          () -> {
            try {
              audit.append(entry);
            } catch (RuntimeException e) {
              log.error("audit entry not stored: {}", entry, e);
            }
          });
    } catch (RejectedExecutionException e) {
      log.error("audit entry not stored, the write pool is full: {}", entry);
    }
  }
}
