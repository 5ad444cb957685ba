-- The queue a call moves to when it hits one of its queue's limits; '' for none.
ALTER TABLE acd_queue ADD COLUMN overflow VARCHAR(64) DEFAULT '' NOT NULL;
-- How long an agent's phone rings for a call of the queue before the next agent is tried. Rows
-- stored before take 15 s, the reference default of hotline.acd.ring-timeout.
ALTER TABLE acd_queue ADD COLUMN ring_timeout_ms BIGINT DEFAULT 15000 NOT NULL;
