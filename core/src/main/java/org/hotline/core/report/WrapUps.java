package org.hotline.core.report;

import static org.hotline.core.db.DbTime.utc;
import static org.hotline.core.db.jooq.Tables.AGENT_EVENT;
import static org.jooq.impl.DSL.lead;
import static org.jooq.impl.DSL.name;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.hotline.core.agent.AgentState;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.WindowSpecification;
import org.jooq.impl.DSL;

/**
 * The wrap-up time that followed each call, from the agents' state changes.
 *
 * <p>An agent who takes a call goes to {@code ON_CALL} with the call's id as the reason. When that
 * state is followed directly by {@code WRAP_UP}, the wrap-up of the call is that {@code WRAP_UP}
 * period: from its start to the agent's next state change (available, break, logged out). A call
 * whose agent went straight to another state had no wrap-up; one still in wrap-up, or whose wrap-up
 * ended more than {@link #LOOK_AHEAD} after the range (a call of the range's last minutes that
 * lasted hours), counts none.
 *
 * <p>The table is meant to come first in its query, its rows then finding their CDR by primary key
 * ({@code w LEFT JOIN cdr ON cdr.call_id = w.call_id}, filtered on the CDR): H2 would otherwise run
 * the window query once per CDR.
 */
final class WrapUps {
  /**
   * How far past a range's end state changes are read to finish the calls and wrap-ups begun in it.
   */
  static final Duration LOOK_AHEAD = Duration.ofHours(6);

  static final Field<String> CALL_ID = DSL.field(name("w", "call_id"), String.class);
  static final Field<String> AGENT_ID = DSL.field(name("w", "agent_id"), String.class);
  static final Field<BigDecimal> SECONDS = DSL.field(name("w", "wrap_seconds"), BigDecimal.class);

  private WrapUps() {}

  /**
   * The wrap-up seconds of the calls taken from {@code from} to {@code to} plus the look-ahead, as
   * a table {@code w(call_id, agent_id, wrap_seconds)}: one row per call, or per call and agent
   * when {@code perAgent} (a transferred call may have several).
   */
  static Table<?> table(DSLContext dsl, Instant from, Instant to, boolean perAgent) {
    WindowSpecification byAgent =
        DSL.partitionBy(AGENT_EVENT.AGENT_ID).orderBy(AGENT_EVENT.AT, AGENT_EVENT.ID);
    // Among the changes read (below), the one before a WRAP_UP change is the ON_CALL change of the
    // call it follows (a wrap-up is entered from ON_CALL only), whose reason is the call's id, and
    // the one after it is the wrap-up's end (a wrap-up is left by a change from WRAP_UP only). A
    // reason that is no call id (after lost changes) finds no CDR and counts nowhere.
    Field<String> callId = DSL.lag(AGENT_EVENT.REASON).over(byAgent).as("call_id");
    Field<OffsetDateTime> endAt = lead(AGENT_EVENT.AT).over(byAgent).as("end_at");
    Table<?> events =
        dsl.select(AGENT_EVENT.AGENT_ID, AGENT_EVENT.TO_STATE, AGENT_EVENT.AT, callId, endAt)
            .from(AGENT_EVENT)
            .where(AGENT_EVENT.AT.ge(utc(from)))
            .and(AGENT_EVENT.AT.lt(utc(to.plus(LOOK_AHEAD))))
            // Only the changes that start a call, start a wrap-up or end one: a third of the rows
            // fewer to sort than all of them.
            .and(
                AGENT_EVENT
                    .TO_STATE
                    .in(AgentState.ON_CALL.name(), AgentState.WRAP_UP.name())
                    .or(AGENT_EVENT.FROM_STATE.eq(AgentState.WRAP_UP.name())))
            .asTable("ev");
    Field<String> reason = events.field(callId);
    Field<String> agent = events.field(AGENT_EVENT.AGENT_ID);
    Field<OffsetDateTime> start = events.field(AGENT_EVENT.AT);
    Field<OffsetDateTime> end = events.field(endAt);
    var select =
        perAgent
            ? dsl.select(
                reason.as("call_id"),
                agent.as("agent_id"),
                DSL.sum(CallScope.seconds(start, end)).as("wrap_seconds"))
            : dsl.select(
                reason.as("call_id"), DSL.sum(CallScope.seconds(start, end)).as("wrap_seconds"));
    var filtered =
        select
            .from(events)
            .where(events.field(AGENT_EVENT.TO_STATE).eq(AgentState.WRAP_UP.name()))
            .and(end.isNotNull());
    return (perAgent ? filtered.groupBy(reason, agent) : filtered.groupBy(reason)).asTable("w");
  }
}
