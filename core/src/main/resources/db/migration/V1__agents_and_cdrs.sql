-- Agents, the queues they serve, and one call detail record per finished call.

CREATE TABLE agent (
  id           VARCHAR(32)  NOT NULL PRIMARY KEY,
  name         VARCHAR(200) NOT NULL,
  sip_user     VARCHAR(64)  NOT NULL UNIQUE,
  -- SIP digest HA1 hashes (RFC 7616): H(user:realm:password); the password itself is never stored.
  realm        VARCHAR(128) NOT NULL,
  ha1_md5      CHAR(32)     NOT NULL,
  ha1_sha256   CHAR(64)     NOT NULL,
  enabled      BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE agent_queue (
  agent_id     VARCHAR(32)  NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
  queue        VARCHAR(64)  NOT NULL,
  skill_level  INT          NOT NULL DEFAULT 1,
  PRIMARY KEY (agent_id, queue)
);

CREATE TABLE cdr (
  call_id      VARCHAR(255) NOT NULL PRIMARY KEY,
  caller       VARCHAR(128) NOT NULL,
  dialed       VARCHAR(128) NOT NULL,
  ivr_choice   VARCHAR(32),
  queue        VARCHAR(64),
  agent_id     VARCHAR(32),
  arrived_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  answered_at  TIMESTAMP WITH TIME ZONE,
  ended_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  wait_seconds BIGINT       NOT NULL,
  talk_seconds BIGINT       NOT NULL,
  outcome      VARCHAR(16)  NOT NULL,
  hangup_cause VARCHAR(64)
);

CREATE INDEX cdr_arrived_at ON cdr (arrived_at);
CREATE INDEX cdr_queue_arrived_at ON cdr (queue, arrived_at);
