-- The queue a call moves to when it hits one of its queue's limits; '' for none.
ALTER TABLE acd_queue ADD COLUMN overflow VARCHAR(64) DEFAULT '' NOT NULL;
