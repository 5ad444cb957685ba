package org.hotline.core.cdr;

import static org.hotline.core.db.DbTime.utc;
import static org.hotline.core.db.jooq.Tables.CALL_WRAPUP;
import static org.hotline.core.db.jooq.Tables.CDR;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.db.jooq.tables.records.CdrRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

/**
 * Call detail records in the {@code cdr} table: one row per call, keyed by the call id.
 *
 * <p>Text longer than its column is cut to fit rather than refused. Times are stored as UTC
 * timestamps with microsecond precision (what both H2 and PostgreSQL keep); {@link #insert}
 * truncates to that so a CDR reads back equal to what was written.
 *
 * <p>The agent's wrap-up (disposition and notes) is kept in the {@code call_wrapup} table and
 * joined when CDRs are read, so a wrap-up given while the call is still on is stored at once and
 * shows on the CDR once that is written, whichever comes first.
 */
public class CdrRepository {
  /** The longest disposition code stored. */
  public static final int MAX_DISPOSITION = CALL_WRAPUP.DISPOSITION.getDataType().length();

  /** The longest wrap-up notes stored. */
  public static final int MAX_NOTES = CALL_WRAPUP.NOTES.getDataType().length();

  private final DSLContext dsl;
  private final Clock clock;

  /**
   * @param dsl where the {@code cdr} table is
   * @param clock stamps wrap-ups with the time they were given
   */
  public CdrRepository(DSLContext dsl, Clock clock) {
    this.dsl = Objects.requireNonNull(dsl, "dsl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Stores {@code cdr} unless a CDR with its call id is already stored, so a retried write never
   * duplicates a call.
   *
   * <p>A CDR that carries a wrap-up stores it too, unless the call has one already (a wrap-up given
   * through {@link #wrapUp} is the later word).
   *
   * @return true when this call stored the row, false when it was there already
   */
  public boolean insert(Cdr cdr) {
    if (cdr.disposition() != null) {
      // Before the CDR row: a retried insert finds the row there and would skip the wrap-up.
      insertWrapUpIfAbsent(cdr.callId(), cdr.disposition(), cdr.notes());
    }
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

  /**
   * Stores the agent's wrap-up of call {@code callId}, finished or still on, replacing an earlier
   * one. Text longer than its column is cut to fit.
   */
  public void wrapUp(String callId, String disposition, String notes) {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(disposition, "disposition");
    if (updateWrapUp(callId, disposition, notes) == 0
        && !insertWrapUpIfAbsent(callId, disposition, notes)) {
      // Another wrap-up of the same call was inserted between the two statements: this one is
      // later.
      updateWrapUp(callId, disposition, notes);
    }
  }

  /** The CDRs of calls that arrived in {@code [from, to)}, oldest first. */
  public List<Cdr> between(Instant from, Instant to) {
    return between(from, to, null);
  }

  /**
   * The CDRs of calls that arrived in {@code [from, to)} and agent {@code agentId} answered (every
   * call when null), oldest first. The agent is part of the query, so an agent's range reads their
   * calls only, not the whole center's.
   */
  public List<Cdr> between(Instant from, Instant to, String agentId) {
    Condition agent = agentId == null ? DSL.noCondition() : CDR.AGENT_ID.eq(agentId);
    return withWrapUps()
        .where(CDR.ARRIVED_AT.ge(utc(from)))
        .and(CDR.ARRIVED_AT.lt(utc(to)))
        .and(agent)
        .orderBy(CDR.ARRIVED_AT, CDR.CALL_ID)
        .fetch(CdrRepository::fromRecord);
  }

  /** The CDR of call {@code callId}, once written. */
  public Optional<Cdr> find(String callId) {
    return withWrapUps().where(CDR.CALL_ID.eq(callId)).fetchOptional(CdrRepository::fromRecord);
  }

  /**
   * The last {@code limit} calls from any of {@code callers} (numbers as the CDRs hold them, as
   * received), newest first.
   */
  public List<Cdr> lastCallsFrom(Collection<String> callers, int limit) {
    if (callers.isEmpty() || limit <= 0) {
      return List.of();
    }
    return withWrapUps()
        .where(CDR.CALLER.in(callers))
        .orderBy(CDR.ARRIVED_AT.desc(), CDR.CALL_ID.desc())
        .limit(limit)
        .fetch(CdrRepository::fromRecord);
  }

  /** How many CDRs are stored. */
  public int count() {
    return dsl.fetchCount(CDR);
  }

  private boolean exists(String callId) {
    return dsl.fetchExists(CDR, CDR.CALL_ID.eq(callId));
  }

  private SelectOnConditionStep<Record> withWrapUps() {
    return dsl.select(CDR.fields())
        .select(CALL_WRAPUP.DISPOSITION, CALL_WRAPUP.NOTES)
        .from(CDR)
        .leftJoin(CALL_WRAPUP)
        .on(CALL_WRAPUP.CALL_ID.eq(CDR.CALL_ID));
  }

  private int updateWrapUp(String callId, String disposition, String notes) {
    return dsl.update(CALL_WRAPUP)
        .set(CALL_WRAPUP.DISPOSITION, fit(CALL_WRAPUP.DISPOSITION, disposition))
        .set(CALL_WRAPUP.NOTES, fit(CALL_WRAPUP.NOTES, notes))
        .set(CALL_WRAPUP.WRAPPED_UP_AT, utc(clock.instant()))
        .where(CALL_WRAPUP.CALL_ID.eq(callId))
        .execute();
  }

  /** Inserts a wrap-up; false when the call has one already. */
  private boolean insertWrapUpIfAbsent(String callId, String disposition, String notes) {
    try {
      return dsl.insertInto(CALL_WRAPUP)
              .set(CALL_WRAPUP.CALL_ID, callId)
              .set(CALL_WRAPUP.DISPOSITION, fit(CALL_WRAPUP.DISPOSITION, disposition))
              .set(CALL_WRAPUP.NOTES, fit(CALL_WRAPUP.NOTES, notes))
              .set(CALL_WRAPUP.WRAPPED_UP_AT, utc(clock.instant()))
              .execute()
          == 1;
    } catch (IntegrityConstraintViolationException e) {
      if (dsl.fetchExists(CALL_WRAPUP, CALL_WRAPUP.CALL_ID.eq(callId))) {
        return false;
      }
      throw e;
    }
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
    r.setHoldSeconds(cdr.holdSeconds());
    r.setOutcome(cdr.outcome() == null ? null : cdr.outcome().code());
    r.setHangupCause(fit(CDR.HANGUP_CAUSE, cdr.hangupCause()));
    r.setRegion(fit(CDR.REGION, cdr.region()));
    r.setCarrier(fit(CDR.CARRIER, cdr.carrier()));
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

  private static Cdr fromRecord(Record row) {
    CdrRecord r = row.into(CDR);
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
        r.getHangupCause(),
        r.getRegion(),
        r.getCarrier(),
        row.get(CALL_WRAPUP.DISPOSITION),
        row.get(CALL_WRAPUP.NOTES),
        r.getHoldSeconds());
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }
}
