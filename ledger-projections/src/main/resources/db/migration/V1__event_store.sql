-- The event store: every table Axon Framework 4.13's JPA storage needs under Spring Boot, shaped exactly as Axon's
-- JPA entities map them (Hibernate validates them at start-up), with two deliberate differences from what Hibernate
-- would generate:
--   * @Lob columns (payloads, metadata, tokens) are BYTEA, not OID large objects, so SQL can read the JSON:
--       SELECT convert_from(payload, 'UTF8')::jsonb FROM domain_event_entry;
--   * the global-index sequence increments by 1, so restarts and concurrent nodes do not leave blocks of unused
--     indexes; Hibernate is told to accept it (hibernate.id.sequence.increment_size_mismatch_strategy=FIX).
-- The event and snapshot tables are append-only: triggers refuse UPDATE, DELETE and TRUNCATE.

-- Events: one row per event, in the order of global_index.
CREATE SEQUENCE domain_event_entry_seq START WITH 1 INCREMENT BY 1 NO CYCLE;

CREATE TABLE domain_event_entry (
    global_index         BIGINT       NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    event_identifier     VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT domain_event_entry_pkey PRIMARY KEY (global_index),
    CONSTRAINT domain_event_entry_event_identifier_key UNIQUE (event_identifier),
    CONSTRAINT domain_event_entry_aggregate_sequence_key UNIQUE (aggregate_identifier, sequence_number)
);

-- Snapshots: an aggregate's state as of an event, so that loading it need not replay every event. Never replaced or
-- removed; the newest one is used.
CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT snapshot_event_entry_pkey PRIMARY KEY (aggregate_identifier, sequence_number, type),
    CONSTRAINT snapshot_event_entry_event_identifier_key UNIQUE (event_identifier)
);

-- Tracking tokens: how far each event processor (segment) has read.
CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255) NOT NULL,
    owner          VARCHAR(255),
    CONSTRAINT token_entry_pkey PRIMARY KEY (processor_name, segment)
);

-- Sagas and their associations (Axon's JPA saga store is configured whenever JPA is present).
CREATE TABLE saga_entry (
    saga_id         VARCHAR(255) NOT NULL,
    saga_type       VARCHAR(255),
    revision        VARCHAR(255),
    serialized_saga BYTEA,
    CONSTRAINT saga_entry_pkey PRIMARY KEY (saga_id)
);

-- Hibernate's default allocation for this generated id; nothing depends on its order.
CREATE SEQUENCE association_value_entry_seq START WITH 1 INCREMENT BY 50 NO CYCLE;

CREATE TABLE association_value_entry (
    id                BIGINT       NOT NULL,
    saga_id           VARCHAR(255) NOT NULL,
    saga_type         VARCHAR(255),
    association_key   VARCHAR(255) NOT NULL,
    association_value VARCHAR(255),
    CONSTRAINT association_value_entry_pkey PRIMARY KEY (id)
);

CREATE INDEX association_value_entry_type_key_value_idx
    ON association_value_entry (saga_type, association_key, association_value);
CREATE INDEX association_value_entry_saga_idx ON association_value_entry (saga_id, saga_type);

-- Dead letters: events an event processor failed to handle, parked per sequence (Axon registers this entity).
CREATE TABLE dead_letter_entry (
    dead_letter_id       VARCHAR(255)             NOT NULL,
    processing_group     VARCHAR(255)             NOT NULL,
    sequence_identifier  VARCHAR(255)             NOT NULL,
    sequence_index       BIGINT                   NOT NULL,
    message_type         VARCHAR(255)             NOT NULL,
    event_identifier     VARCHAR(255)             NOT NULL,
    time_stamp           VARCHAR(255)             NOT NULL,
    payload_type         VARCHAR(255)             NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA                    NOT NULL,
    meta_data            BYTEA,
    type                 VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_touched         TIMESTAMP(6) WITH TIME ZONE,
    processing_started   TIMESTAMP(6) WITH TIME ZONE,
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT dead_letter_entry_pkey PRIMARY KEY (dead_letter_id),
    CONSTRAINT dead_letter_entry_group_sequence_index_key
        UNIQUE (processing_group, sequence_identifier, sequence_index)
);

CREATE INDEX dead_letter_entry_group_idx ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_group_sequence_idx ON dead_letter_entry (processing_group, sequence_identifier);

-- Append-only: statement-level triggers, so even an UPDATE or DELETE that matches no row is refused.
CREATE FUNCTION ledger_refuse_rewrite() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the disclosure ledger is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'raise_exception',
              HINT = 'events and snapshots are never changed or removed; record a follow-on event instead';
END;
$$;

CREATE TRIGGER domain_event_entry_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_rewrite();

CREATE TRIGGER snapshot_event_entry_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON snapshot_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_rewrite();
