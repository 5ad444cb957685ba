-- Where the caller's number is from, as the CDR writer looked it up (city or province, the
-- country for a foreign number; the mobile carrier), and the agent's wrap-up of a call.
--
-- The wrap-up has its own table, keyed by call id and joined when CDRs are read: an agent may
-- wrap up while the call is still on, before its CDR row exists, and nothing has to be merged
-- when the row arrives.

ALTER TABLE cdr ADD COLUMN region VARCHAR(100);
ALTER TABLE cdr ADD COLUMN carrier VARCHAR(64);

CREATE INDEX cdr_caller_arrived_at ON cdr (caller, arrived_at);

CREATE TABLE call_wrapup (
  call_id        VARCHAR(255)  NOT NULL PRIMARY KEY,
  -- A short code from the agent's desktop: sale, complaint, callback-needed...
  disposition    VARCHAR(32)   NOT NULL,
  notes          VARCHAR(2000),
  wrapped_up_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
