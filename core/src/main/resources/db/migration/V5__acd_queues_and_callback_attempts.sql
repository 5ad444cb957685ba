-- Per-queue ACD settings that win over the configured defaults (hotline.acd.*), changed live
-- from the admin API. A queue without a row uses the defaults. Agents' skill levels per queue
-- are agent_queue.skill_level (V1).

CREATE TABLE acd_queue (
  name                 VARCHAR(64)  NOT NULL PRIMARY KEY,
  strategy             VARCHAR(32)  NOT NULL,
  wrap_up_ms           BIGINT       NOT NULL,
  weight               INT          NOT NULL,
  -- Callers the queue holds at most; 0: no limit.
  max_waiting          INT          NOT NULL,
  -- How long a caller waits at most; 0: no limit.
  max_wait_ms          BIGINT       NOT NULL,
  join_when_no_agents  BOOLEAN      NOT NULL,
  service_level_ms     BIGINT       NOT NULL
);

-- How many times the ACD dialled a callback's customer without reaching them.
ALTER TABLE callback ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
