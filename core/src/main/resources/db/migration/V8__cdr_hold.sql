-- Time the caller spent on hold while talking to the agent, in whole seconds. talk_seconds stays
-- answer-to-end, so it includes this time; reports show talk and hold apart.

ALTER TABLE cdr ADD COLUMN hold_seconds BIGINT NOT NULL DEFAULT 0;
