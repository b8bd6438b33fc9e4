-- 0001: the initial schema for PostgreSQL, table for table and column for column the one of
-- sql/sqlite/0001_initial.sql, so the repositories' SQL runs unchanged on both.
-- Conventions (see sql/README.md): times are UTC unix milliseconds (bigint, as SQLite's
-- INTEGER); enums are stored as their names (text); e-mail addresses are citext, which
-- compares without regard to case and keeps the case they were written with (SQLite:
-- COLLATE NOCASE). Text that the code orders by (ticket prefixes, mailboxes, identifiers,
-- addresses) is COLLATE "C": byte order, as SQLite's, whatever the database's locale.

-- citext is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS citext;

-- Npgsql sends a string parameter as text, and citext = text would resolve to text = text
-- (citext casts to text implicitly): case-sensitive, silently. These operators make
-- citext = text mean citext = citext. Their bodies are plain SQL, which the planner inlines,
-- so a comparison with a parameter still uses the citext index.
CREATE FUNCTION mt_citext_eq_text(citext, text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT $1 = $2::citext';
CREATE FUNCTION mt_text_eq_citext(text, citext) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT $1::citext = $2';
CREATE OPERATOR = (LEFTARG = citext, RIGHTARG = text, FUNCTION = mt_citext_eq_text,
    COMMUTATOR = =, RESTRICT = eqsel, JOIN = eqjoinsel);
CREATE OPERATOR = (LEFTARG = text, RIGHTARG = citext, FUNCTION = mt_text_eq_citext,
    COMMUTATOR = =, RESTRICT = eqsel, JOIN = eqjoinsel);

-- Raw messages and attachments, content-addressed. They live in the database (not beside it)
-- so that several workers share them through the database alone.
CREATE TABLE blobs (
    sha256       text   NOT NULL PRIMARY KEY,   -- lower-case hex of the original bytes
    compression  text   NOT NULL,               -- 'none' or 'brotli'
    size         bigint NOT NULL,               -- original length
    stored_size  bigint NOT NULL,               -- length of data
    created_at   bigint NOT NULL,
    data         bytea  NOT NULL                -- last: read as a stream after the others
);

CREATE TABLE ticket_sequences (
    prefix      text   NOT NULL PRIMARY KEY,
    last_value  bigint NOT NULL
);

CREATE TABLE tickets (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number            text   NOT NULL,           -- 'SUP-000123', for people; looked up by (prefix, sequence)
    prefix            text   COLLATE "C" NOT NULL,
    sequence          bigint NOT NULL,
    mailbox           text   NOT NULL,
    queue             text   NOT NULL,
    category          text,
    priority          text   NOT NULL,
    status            text   NOT NULL,
    customer_address  citext COLLATE "C" NOT NULL,
    subject           text   NOT NULL,
    language          text   NOT NULL,
    flags             text   NOT NULL,           -- flag names, 'None' or 'A, B'
    created_at        bigint NOT NULL,
    updated_at        bigint NOT NULL,
    linked_ticket_id  bigint REFERENCES tickets (id),
    UNIQUE (prefix, sequence)
);
-- Not (customer_address, updated_at): updated_at changes with every message and would move the entry.
CREATE INDEX ix_tickets_customer ON tickets (customer_address);

-- The other mailboxes a ticket is visible in (its own is tickets.mailbox).
CREATE TABLE ticket_mailboxes (
    ticket_id  bigint NOT NULL REFERENCES tickets (id),
    mailbox    text   COLLATE "C" NOT NULL,
    PRIMARY KEY (ticket_id, mailbox)
);
CREATE INDEX ix_ticket_mailboxes_mailbox ON ticket_mailboxes (mailbox, ticket_id);

CREATE TABLE ticket_identifiers (
    ticket_id  bigint NOT NULL REFERENCES tickets (id),
    kind       text   COLLATE "C" NOT NULL,
    value      text   COLLATE "C" NOT NULL,
    chain      text,
    PRIMARY KEY (ticket_id, kind, value)
);
-- INCLUDE makes (kind, value) -> ticket_id an index-only lookup, as SQLite's WITHOUT ROWID index is.
CREATE INDEX ix_ticket_identifiers_value ON ticket_identifiers (kind, value) INCLUDE (ticket_id);

CREATE TABLE ticket_participants (
    ticket_id  bigint NOT NULL REFERENCES tickets (id),
    address    citext COLLATE "C" NOT NULL,
    PRIMARY KEY (ticket_id, address)
);

CREATE TABLE messages (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id      bigint NOT NULL REFERENCES tickets (id),
    mailbox        text   NOT NULL,
    direction      text   NOT NULL,
    kind           text   NOT NULL,
    message_id     text,
    in_reply_to    text,
    from_address   citext COLLATE "C" NOT NULL,
    from_name      text,
    to_addresses   text   NOT NULL,              -- JSON array of strings
    subject        text   NOT NULL,
    received_at    bigint NOT NULL,
    reason         text   NOT NULL,
    reason_detail  text   NOT NULL,
    text           text   NOT NULL,
    raw_sha256     text   REFERENCES blobs (sha256),
    size           bigint NOT NULL,
    fingerprint    bigint NOT NULL
);
CREATE INDEX ix_messages_ticket ON messages (ticket_id);
CREATE INDEX ix_messages_message_id ON messages (message_id, direction) WHERE message_id IS NOT NULL;
CREATE INDEX ix_messages_from ON messages (from_address, direction, received_at);

CREATE TABLE message_attachments (
    message_id    bigint NOT NULL REFERENCES messages (id),
    ordinal       bigint NOT NULL,
    file_name     text,
    content_type  text   NOT NULL,
    size          bigint NOT NULL,
    sha256        text   NOT NULL REFERENCES blobs (sha256),
    content_id    text,
    disposition   text   NOT NULL,
    PRIMARY KEY (message_id, ordinal)
);

CREATE TABLE ticket_events (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id  bigint NOT NULL REFERENCES tickets (id),
    at         bigint NOT NULL,
    kind       text   NOT NULL,
    detail     text   NOT NULL
);
CREATE INDEX ix_ticket_events_ticket ON ticket_events (ticket_id);

-- Exactly these bytes arrived in this mailbox: the same mail twice is one delivery.
CREATE TABLE deliveries (
    mailbox         text   NOT NULL,
    raw_sha256      text   NOT NULL,
    ticket_id       bigint NOT NULL REFERENCES tickets (id),
    message_row_id  bigint REFERENCES messages (id),
    received_at     bigint NOT NULL,
    PRIMARY KEY (mailbox, raw_sha256)
);

-- A Maildir file, an mbox entry, an IMAP UID: read once.
CREATE TABLE source_items (
    source    text   NOT NULL,
    key       text   NOT NULL,
    outcome   text   NOT NULL,
    done_at   bigint NOT NULL,
    PRIMARY KEY (source, key)
);

CREATE TABLE outbox (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id        bigint NOT NULL REFERENCES tickets (id),
    message_row_id   bigint NOT NULL REFERENCES messages (id),
    recipient        citext COLLATE "C" NOT NULL,
    message_id       text   NOT NULL,
    state            text   NOT NULL,            -- Pending, Sent, Failed
    attempts         bigint NOT NULL,
    last_error       text,
    created_at       bigint NOT NULL,
    next_attempt_at  bigint,
    sent_at          bigint,
    raw              bytea  NOT NULL
);
CREATE INDEX ix_outbox_due ON outbox (next_attempt_at) WHERE state = 'Pending';
CREATE INDEX ix_outbox_recipient ON outbox (recipient, created_at);

-- Every delivery attempt, with its time and result.
CREATE TABLE outbox_attempts (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outbox_id  bigint NOT NULL REFERENCES outbox (id),
    at         bigint NOT NULL,
    result     text   NOT NULL,                  -- Sent, Retry, Failed
    detail     text   NOT NULL
);
CREATE INDEX ix_outbox_attempts_outbox ON outbox_attempts (outbox_id);

-- One row per source item that could not become a ticket message; quarantining the same item
-- again (a replay that fails again) updates it.
CREATE TABLE quarantine (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mailbox         text   NOT NULL,
    source          text   NOT NULL,
    source_key      text   NOT NULL,
    raw_sha256      text   NOT NULL REFERENCES blobs (sha256),
    size            bigint NOT NULL,
    reason          text   NOT NULL,
    detail          text   NOT NULL,
    received_at     bigint NOT NULL,
    quarantined_at  bigint NOT NULL,
    replayed_at     bigint,
    UNIQUE (source, source_key)
);

CREATE TABLE suppressed_addresses (
    address    citext COLLATE "C" NOT NULL PRIMARY KEY,
    reason     text   NOT NULL,
    ticket_id  bigint REFERENCES tickets (id),
    at         bigint NOT NULL
);
