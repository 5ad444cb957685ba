package org.hotline.core.cdr;

import static org.hotline.core.db.jooq.Tables.CDR;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.db.jooq.tables.records.CdrRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * Call detail records in the {@code cdr} table: one row per call, keyed by the call id.
 *
 * <p>Text longer than its column is cut to fit rather than refused. Times are stored as UTC
 * timestamps with microsecond precision (what both H2 and PostgreSQL keep); {@link #insert}
 * truncates to that so a CDR reads back equal to what was written.
 */
public class CdrRepository {
  private final DSLContext dsl;
  private final Clock clock;

  /**
   * @param dsl where the {@code cdr} table is
   * @param clock the time source; kept for time-based queries such as retention, none of which
   *     exists yet
   */
  public CdrRepository(DSLContext dsl, Clock clock) {
    this.dsl = Objects.requireNonNull(dsl, "dsl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Stores {@code cdr} unless a CDR with its call id is already stored, so a retried write never
   * duplicates a call.
   *
   * @return true when this call stored the row, false when it was there already
   */
  public boolean insert(Cdr cdr) {
    try {
      // A plain INSERT, not jOOQ's MERGE emulation of ON CONFLICT: that one casts the values to the
      // column types, which on H2 silently cuts text instead of going through fit(...).
      return dsl.insertInto(CDR).set(toRecord(cdr)).execute() == 1;
    } catch (IntegrityConstraintViolationException e) {
      if (exists(cdr.callId())) {
        return false;
      }
      throw e;
    }
  }

  /** The CDRs of calls that arrived in {@code [from, to)}, oldest first. */
  public List<Cdr> between(Instant from, Instant to) {
    return dsl.selectFrom(CDR)
        .where(CDR.ARRIVED_AT.ge(utc(from)))
        .and(CDR.ARRIVED_AT.lt(utc(to)))
        .orderBy(CDR.ARRIVED_AT, CDR.CALL_ID)
        .fetch(CdrRepository::fromRecord);
  }

  /** How many CDRs are stored. */
  public int count() {
    return dsl.fetchCount(CDR);
  }

  private boolean exists(String callId) {
    return dsl.fetchExists(CDR, CDR.CALL_ID.eq(callId));
  }

  private static CdrRecord toRecord(Cdr cdr) {
    CdrRecord r = new CdrRecord();
    r.setCallId(cdr.callId());
    r.setCaller(fit(CDR.CALLER, cdr.caller()));
    r.setDialed(fit(CDR.DIALED, cdr.dialed()));
    r.setIvrChoice(fit(CDR.IVR_CHOICE, cdr.ivrChoice()));
    r.setQueue(fit(CDR.QUEUE, cdr.queue()));
    r.setAgentId(fit(CDR.AGENT_ID, cdr.agentId()));
    r.setArrivedAt(utc(cdr.arrivedAt()));
    r.setAnsweredAt(utc(cdr.answeredAt()));
    r.setEndedAt(utc(cdr.endedAt()));
    r.setWaitSeconds(cdr.waitSeconds());
    r.setTalkSeconds(cdr.talkSeconds());
    r.setOutcome(cdr.outcome() == null ? null : cdr.outcome().code());
    r.setHangupCause(fit(CDR.HANGUP_CAUSE, cdr.hangupCause()));
    return r;
  }

  /**
   * {@code value} cut to the column's length: numbers and causes come from the network, and an
   * over-long one must not cost the whole record. The call id is never cut: it is the key.
   */
  private static String fit(Field<String> column, String value) {
    int max = column.getDataType().length();
    if (value == null || max <= 0 || value.length() <= max) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
    return value.substring(0, end);
  }

  private static Cdr fromRecord(CdrRecord r) {
    return new Cdr(
        r.getCallId(),
        r.getCaller(),
        r.getDialed(),
        r.getIvrChoice(),
        r.getQueue(),
        r.getAgentId(),
        instant(r.getArrivedAt()),
        instant(r.getAnsweredAt()),
        instant(r.getEndedAt()),
        r.getWaitSeconds(),
        r.getTalkSeconds(),
        CallOutcome.fromCode(r.getOutcome()),
        r.getHangupCause());
  }

  private static OffsetDateTime utc(Instant at) {
    return at == null ? null : OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }
}
