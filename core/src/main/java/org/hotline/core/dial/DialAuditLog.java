package org.hotline.core.dial;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.hotline.core.audit.AuditEntry;
import org.hotline.core.audit.AuditRepository;
import org.hotline.core.audit.AuditWriter;

/**
 * Refused dials in the {@code audit} table, beside the changes users make through the API, so an
 * administrator reading {@code GET /api/audit} sees who tried which number. Written on the write
 * pool ({@link AuditWriter}), never on the caller's thread.
 *
 * <p>An entry: the actor is the agent for a desk dial (role {@code agent}), else the callback or
 * the call the number was for (role {@code system}); the action {@value #ACTION}; the object the
 * number; the detail where it came from and why it was refused.
 */
public final class DialAuditLog implements DialAudit {
  /** The entries' action. */
  public static final String ACTION = "dial refused";

  private final AuditWriter writer;
  private final Clock clock;

  /**
   * @param writes the database write pool
   */
  public DialAuditLog(AuditRepository audit, Executor writes, Clock clock) {
    this.writer = new AuditWriter(audit, writes);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void refused(DialSite site, String who, String number, String reason) {
    String role = site == DialSite.DESK ? "agent" : "system";
    writer.write(
        new AuditEntry(
            0, clock.instant(), who, role, ACTION, number, null, site.tag() + ": " + reason));
  }
}
