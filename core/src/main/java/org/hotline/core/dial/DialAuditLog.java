package org.hotline.core.dial;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.hotline.core.audit.AuditEntry;
import org.hotline.core.audit.AuditRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refused dials in the {@code audit} table, beside the changes users make through the API, so an
 * administrator reading {@code GET /api/audit} sees who tried which number. Written on the write
 * pool, never on the caller's thread; a write that fails or that the pool refuses is logged.
 *
 * <p>An entry: the actor is the agent for a desk dial (role {@code agent}), else the callback or
 * the call the number was for (role {@code system}); the action {@value #ACTION}; the object the
 * number; the detail where it came from and why it was refused.
 */
public final class DialAuditLog implements DialAudit {
  private static final Logger log = LoggerFactory.getLogger(DialAuditLog.class);

  /** The entries' action. */
  public static final String ACTION = "dial refused";

  private final AuditRepository audit;
  private final Executor writes;
  private final Clock clock;

  /** @param writes the database write pool */
  public DialAuditLog(AuditRepository audit, Executor writes, Clock clock) {
    this.audit = Objects.requireNonNull(audit, "audit");
    this.writes = Objects.requireNonNull(writes, "writes");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void refused(DialSite site, String who, String number, String reason) {
    String role = site == DialSite.DESK ? "agent" : "system";
    AuditEntry entry = new AuditEntry(0, clock.instant(), who, role, ACTION, number, null, site.tag() + ": " + reason);
    try {
      writes.execute(() -> {
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
