package org.hotline.core.callback;

import static org.hotline.core.db.DbTime.utc;
import static org.hotline.core.db.jooq.Tables.CALLBACK;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.hotline.core.db.jooq.tables.records.CallbackRecord;
import org.jooq.DSLContext;

/**
 * Callback requests in the {@code callback} table: {@value #PENDING} until the ACD serves them,
 * then {@value #DONE} or {@value #FAILED}.
 */
public final class CallbackRepository implements CallbackRequests, CallbackStates {
  /** A request not yet served. */
  public static final String PENDING = "pending";

  /** An agent and the customer were connected. */
  public static final String DONE = "done";

  /** The customer could not be reached in the attempts allowed. */
  public static final String FAILED = "failed";

  private final DSLContext dsl;
  private final Clock clock;

  public CallbackRepository(DSLContext dsl, Clock clock) {
    this.dsl = Objects.requireNonNull(dsl, "dsl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public CallbackRequest request(
      String callId, String number, String queue, int priority, Instant placeSince) {
    Instant now = clock.instant();
    long id =
        dsl.insertInto(CALLBACK)
            .set(CALLBACK.CALL_ID, callId)
            .set(CALLBACK.NUMBER, number)
            .set(CALLBACK.QUEUE, queue)
            .set(CALLBACK.PRIORITY, priority)
            .set(CALLBACK.PLACE_SINCE, utc(placeSince))
            .set(CALLBACK.REQUESTED_AT, utc(now))
            .set(CALLBACK.STATE, PENDING)
            .returning(CALLBACK.ID)
            .fetchOne()
            .getId();
    return new CallbackRequest(id, callId, number, queue, priority, placeSince, now);
  }

  /** Pending requests in the order they are to be served: by priority, then kept place. */
  public List<CallbackRequest> pending() {
    return dsl.selectFrom(CALLBACK)
        .where(CALLBACK.STATE.eq(PENDING))
        .orderBy(CALLBACK.PRIORITY, CALLBACK.PLACE_SINCE, CALLBACK.ID)
        .fetch(CallbackRepository::request);
  }

  @Override
  public void attempted(long id) {
    dsl.update(CALLBACK)
        .set(CALLBACK.ATTEMPTS, CALLBACK.ATTEMPTS.plus(1))
        .where(CALLBACK.ID.eq(id))
        .execute();
  }

  @Override
  public void done(long id) {
    setState(id, DONE);
  }

  @Override
  public void failed(long id) {
    setState(id, FAILED);
  }

  /**
   * The request's state ({@value #PENDING}, {@value #DONE}, {@value #FAILED}); empty when unknown.
   */
  public java.util.Optional<String> state(long id) {
    return dsl.select(CALLBACK.STATE)
        .from(CALLBACK)
        .where(CALLBACK.ID.eq(id))
        .fetchOptional(CALLBACK.STATE);
  }

  /** Only a pending request changes: a late duplicate never revives a finished one. */
  private void setState(long id, String state) {
    dsl.update(CALLBACK)
        .set(CALLBACK.STATE, state)
        .where(CALLBACK.ID.eq(id))
        .and(CALLBACK.STATE.eq(PENDING))
        .execute();
  }

  private static CallbackRequest request(CallbackRecord r) {
    return new CallbackRequest(
        r.getId(),
        r.getCallId(),
        r.getNumber(),
        r.getQueue(),
        r.getPriority(),
        r.getPlaceSince().toInstant(),
        r.getRequestedAt().toInstant(),
        r.getAttempts());
  }
}
