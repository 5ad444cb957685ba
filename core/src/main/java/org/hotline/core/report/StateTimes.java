package org.hotline.core.report;

import static org.hotline.core.db.DbTime.utc;
import static org.hotline.core.db.jooq.Tables.AGENT;
import static org.hotline.core.db.jooq.Tables.AGENT_EVENT;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.hotline.core.db.jooq.tables.AgentEvent;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Time each agent spent in each state within a range, from the state changes in {@code
 * agent_event}.
 *
 * <p>Each change starts a period in its {@code to_state} that lasts until the agent's next change
 * ({@code LEAD} over the agent's changes in time order). The state an agent was in when the range
 * began comes from their last change before it; a period still open at the range's end (or now,
 * when that is earlier) ends there. Periods are clipped to the range.
 */
final class StateTimes {
  private StateTimes() {}

  /**
   * Seconds per agent and state (lower-case state names) in {@code [from, end)}.
   *
   * @param end the range's end, or now when earlier: time not yet lived counts in no state
   */
  static Map<String, Map<String, Double>> of(DSLContext dsl, Instant from, Instant end) {
    OffsetDateTime start = utc(from);
    OffsetDateTime stop = utc(end);
    Table<?> events = eventsFrom(dsl, start, stop);
    Field<String> agent = events.field("agent_id", String.class);
    Field<String> state = events.field("to_state", String.class);
    Field<OffsetDateTime> at = events.field("at", OffsetDateTime.class);
    Field<Long> id = events.field("id", Long.class);
    Field<OffsetDateTime> nextAt =
        DSL.lead(at).over(DSL.partitionBy(agent).orderBy(at, id)).as("next_at");
    Table<?> periods = dsl.select(agent, state, at, nextAt).from(events).asTable("p");

    Field<String> pAgent = periods.field(agent);
    Field<String> pState = periods.field(state);
    Field<OffsetDateTime> periodStart = DSL.greatest(periods.field(at), DSL.val(start));
    Field<OffsetDateTime> periodEnd =
        DSL.least(DSL.coalesce(periods.field(nextAt), DSL.val(stop)), DSL.val(stop));
    Field<BigDecimal> seconds = DSL.sum(CallScope.seconds(periodStart, periodEnd)).as("seconds");
    Map<String, Map<String, Double>> times = new HashMap<>();
    dsl.select(pAgent, pState, seconds)
        .from(periods)
        .where(periodEnd.gt(periodStart))
        .groupBy(pAgent, pState)
        .forEach(
            r ->
                times
                    .computeIfAbsent(r.get(pAgent), a -> new HashMap<>())
                    .put(r.get(pState).toLowerCase(Locale.ROOT), r.get(seconds).doubleValue()));
    return times;
  }

  /**
   * The changes in {@code [from, end)} and, per agent, the last change before {@code from}: the
   * state the agent was in when the range began. That one is found per agent with an indexed
   * "latest before" lookup, so history before the range is never scanned.
   */
  private static Table<?> eventsFrom(DSLContext dsl, OffsetDateTime from, OffsetDateTime end) {
    AgentEvent e = AGENT_EVENT.as("e");
    AgentEvent p = AGENT_EVENT.as("prior");
    Table<?> agents =
        dsl.select(AGENT.ID.as("agent_id"))
            .from(AGENT)
            .union(dsl.selectDistinct(e.AGENT_ID).from(e).where(e.AT.ge(from)).and(e.AT.lt(end)))
            .asTable("a");
    Field<String> agentId = agents.field("agent_id", String.class);
    Field<OffsetDateTime> lastAt =
        DSL.field(
                dsl.select(p.AT)
                    .from(p)
                    .where(p.AGENT_ID.eq(agentId))
                    .and(p.AT.lt(from))
                    .orderBy(p.AT.desc())
                    .limit(1))
            .as("last_at");
    Table<?> last = dsl.select(agentId, lastAt).from(agents).asTable("l");

    AgentEvent before = AGENT_EVENT.as("b");
    return dsl.select(e.AGENT_ID, e.TO_STATE, e.AT, e.ID)
        .from(e)
        .where(e.AT.ge(from))
        .and(e.AT.lt(end))
        .unionAll(
            // The few agents first, each finding its change by the (agent_id, at) index.
            dsl.select(before.AGENT_ID, before.TO_STATE, before.AT, before.ID)
                .from(last)
                .leftJoin(before)
                .on(before.AGENT_ID.eq(last.field(agentId)))
                .and(before.AT.eq(last.field(lastAt)))
                .where(before.ID.isNotNull()))
        .asTable("ev");
  }
}
