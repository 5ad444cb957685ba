-- Indexes for the supervisor reports (org.hotline.core.report), measured with
-- scripts/bench/reports.sh on a million CDRs: both hold every column their query reads, so a
-- day's figures come from the index alone, without a lookup of each row.

-- The queue summary: a day's CDRs by arrival, with what it sums and groups by.
CREATE INDEX cdr_report_summary ON cdr (arrived_at, dialed, queue, outcome, wait_seconds, talk_seconds, hold_seconds);

-- Wrap-ups and time in each state: the agents' changes of a range in time order, with the
-- states, the agent and the reason (the call id of an ON_CALL change) that the window
-- functions read.
CREATE INDEX agent_event_report ON agent_event (at, to_state, from_state, agent_id, id, reason);
