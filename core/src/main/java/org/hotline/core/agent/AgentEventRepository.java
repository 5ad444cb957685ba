package org.hotline.core.agent;

import static org.hotline.core.db.DbTime.utc;
import static org.hotline.core.db.jooq.Tables.AGENT_EVENT;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.hotline.core.event.AgentEvent;
import org.jooq.DSLContext;

/**
 * Agent state changes in the {@code agent_event} table, one row per change, for reports. Times are
 * stored as UTC with microsecond precision; a reason longer than its column is cut to fit.
 */
public final class AgentEventRepository {
  private final DSLContext dsl;
  private final Clock clock;

  /**
   * @param dsl where the {@code agent_event} table is
   * @param clock the time source, for time-based queries such as retention (none yet)
   */
  public AgentEventRepository(DSLContext dsl, Clock clock) {
    this.dsl = Objects.requireNonNull(dsl, "dsl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Stores one state change. */
  public void insert(AgentEvent.StateChanged e) {
    dsl.insertInto(AGENT_EVENT)
        .set(AGENT_EVENT.AGENT_ID, e.agentId())
        .set(AGENT_EVENT.FROM_STATE, e.from().name())
        .set(AGENT_EVENT.TO_STATE, e.to().name())
        .set(AGENT_EVENT.REASON, fit(e.reason()))
        .set(AGENT_EVENT.AT, utc(e.at()))
        .execute();
  }

  /** The state changes of {@code agentId} in {@code [from, to)}, oldest first. */
  public List<AgentEvent.StateChanged> of(String agentId, Instant from, Instant to) {
    return dsl.selectFrom(AGENT_EVENT)
        .where(AGENT_EVENT.AGENT_ID.eq(agentId))
        .and(AGENT_EVENT.AT.ge(utc(from)))
        .and(AGENT_EVENT.AT.lt(utc(to)))
        .orderBy(AGENT_EVENT.AT, AGENT_EVENT.ID)
        .fetch(
            r ->
                new AgentEvent.StateChanged(
                    r.getAgentId(),
                    AgentState.valueOf(r.getFromState()),
                    AgentState.valueOf(r.getToState()),
                    r.getReason(),
                    r.getAt().toInstant()));
  }

  private static String fit(String reason) {
    int max = AGENT_EVENT.REASON.getDataType().length();
    return reason == null || max <= 0 || reason.length() <= max ? reason : reason.substring(0, max);
  }
}
