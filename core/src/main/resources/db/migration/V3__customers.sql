-- The customer directory: customers and their phone numbers, stored in E.164 form so a caller's
-- number finds its customer with one indexed lookup. Independent of V2 (either may land first).

CREATE SEQUENCE customer_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE customer (
  id           BIGINT        NOT NULL PRIMARY KEY,
  name         VARCHAR(200)  NOT NULL,
  level        VARCHAR(32)   NOT NULL,
  category     VARCHAR(100),
  sales_stage  VARCHAR(64),
  notes        VARCHAR(4000),
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX customer_name ON customer (name);

CREATE TABLE customer_phone (
  e164         VARCHAR(20)   NOT NULL PRIMARY KEY,
  customer_id  BIGINT        NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
  -- The number's place among its customer's numbers, from 0: the first is the main number.
  ordinal      INT           NOT NULL
);

CREATE INDEX customer_phone_customer_id ON customer_phone (customer_id);
