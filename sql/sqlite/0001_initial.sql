-- 0001: the initial schema for SQLite.
-- Conventions (see sql/README.md): times are UTC unix milliseconds (INTEGER); enums are stored
-- as their names (TEXT) so the data reads without the code; e-mail addresses compare without
-- regard to ASCII case (COLLATE NOCASE), keeping the case they were written with.
-- Every lookup ingestion makes runs on an index; tests check the plans with EXPLAIN QUERY PLAN.

-- Raw messages and attachments, content-addressed. They live in the database (not beside it)
-- so that several workers share them through the database alone.
CREATE TABLE blobs (
    sha256       TEXT    NOT NULL PRIMARY KEY,   -- lower-case hex of the original bytes
    compression  TEXT    NOT NULL,               -- 'none' or 'brotli'
    size         INTEGER NOT NULL,               -- original length
    stored_size  INTEGER NOT NULL,               -- length of data
    created_at   INTEGER NOT NULL,
    data         BLOB    NOT NULL                -- last, so reading the other columns skips it
);

CREATE TABLE ticket_sequences (
    prefix      TEXT    NOT NULL PRIMARY KEY,
    last_value  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE tickets (
    id                INTEGER PRIMARY KEY,
    number            TEXT    NOT NULL,           -- 'SUP-000123', for people; looked up by (prefix, sequence)
    prefix            TEXT    NOT NULL,
    sequence          INTEGER NOT NULL,
    mailbox           TEXT    NOT NULL,
    queue             TEXT    NOT NULL,
    category          TEXT,
    priority          TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    customer_address  TEXT    NOT NULL COLLATE NOCASE,
    subject           TEXT    NOT NULL,
    language          TEXT    NOT NULL,
    flags             TEXT    NOT NULL,           -- flag names, 'None' or 'A, B'
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    linked_ticket_id  INTEGER REFERENCES tickets (id),
    UNIQUE (prefix, sequence)
);
-- Not (customer_address, updated_at): updated_at changes with every message and would move the entry.
CREATE INDEX ix_tickets_customer ON tickets (customer_address);

-- The other mailboxes a ticket is visible in (its own is tickets.mailbox).
CREATE TABLE ticket_mailboxes (
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
    mailbox    TEXT    NOT NULL,
    PRIMARY KEY (ticket_id, mailbox)
) WITHOUT ROWID;
CREATE INDEX ix_ticket_mailboxes_mailbox ON ticket_mailboxes (mailbox, ticket_id);

CREATE TABLE ticket_identifiers (
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
    kind       TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    chain      TEXT,
    PRIMARY KEY (ticket_id, kind, value)
) WITHOUT ROWID;
-- The key columns ride along in a WITHOUT ROWID index, so this one covers (kind, value) -> ticket_id.
CREATE INDEX ix_ticket_identifiers_value ON ticket_identifiers (kind, value);

CREATE TABLE ticket_participants (
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
    address    TEXT    NOT NULL COLLATE NOCASE,
    PRIMARY KEY (ticket_id, address)
) WITHOUT ROWID;

CREATE TABLE messages (
    id             INTEGER PRIMARY KEY,
    ticket_id      INTEGER NOT NULL REFERENCES tickets (id),
    mailbox        TEXT    NOT NULL,
    direction      TEXT    NOT NULL,
    kind           TEXT    NOT NULL,
    message_id     TEXT,
    in_reply_to    TEXT,
    from_address   TEXT    NOT NULL COLLATE NOCASE,
    from_name      TEXT,
    to_addresses   TEXT    NOT NULL,              -- JSON array of strings
    subject        TEXT    NOT NULL,
    received_at    INTEGER NOT NULL,
    reason         TEXT    NOT NULL,
    reason_detail  TEXT    NOT NULL,
    text           TEXT    NOT NULL,
    raw_sha256     TEXT    REFERENCES blobs (sha256),
    size           INTEGER NOT NULL,
    fingerprint    INTEGER NOT NULL
);
CREATE INDEX ix_messages_ticket ON messages (ticket_id);
CREATE INDEX ix_messages_message_id ON messages (message_id, direction) WHERE message_id IS NOT NULL;
CREATE INDEX ix_messages_from ON messages (from_address, direction, received_at);

CREATE TABLE message_attachments (
    message_id    INTEGER NOT NULL REFERENCES messages (id),
    ordinal       INTEGER NOT NULL,
    file_name     TEXT,
    content_type  TEXT    NOT NULL,
    size          INTEGER NOT NULL,
    sha256        TEXT    NOT NULL REFERENCES blobs (sha256),
    content_id    TEXT,
    disposition   TEXT    NOT NULL,
    PRIMARY KEY (message_id, ordinal)
) WITHOUT ROWID;

CREATE TABLE ticket_events (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
    at         INTEGER NOT NULL,
    kind       TEXT    NOT NULL,
    detail     TEXT    NOT NULL
);
CREATE INDEX ix_ticket_events_ticket ON ticket_events (ticket_id);

-- Exactly these bytes arrived in this mailbox: the same mail twice is one delivery.
CREATE TABLE deliveries (
    mailbox         TEXT    NOT NULL,
    raw_sha256      TEXT    NOT NULL,
    ticket_id       INTEGER NOT NULL REFERENCES tickets (id),
    message_row_id  INTEGER REFERENCES messages (id),
    received_at     INTEGER NOT NULL,
    PRIMARY KEY (mailbox, raw_sha256)
) WITHOUT ROWID;

-- A Maildir file, an mbox entry, an IMAP UID: read once.
CREATE TABLE source_items (
    source    TEXT    NOT NULL,
    key       TEXT    NOT NULL,
    outcome   TEXT    NOT NULL,
    done_at   INTEGER NOT NULL,
    PRIMARY KEY (source, key)
) WITHOUT ROWID;

CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    ticket_id        INTEGER NOT NULL REFERENCES tickets (id),
    message_row_id   INTEGER NOT NULL REFERENCES messages (id),
    recipient        TEXT    NOT NULL COLLATE NOCASE,
    message_id       TEXT    NOT NULL,
    state            TEXT    NOT NULL,            -- Pending, Sent, Failed
    attempts         INTEGER NOT NULL,
    last_error       TEXT,
    created_at       INTEGER NOT NULL,
    next_attempt_at  INTEGER,
    sent_at          INTEGER,
    raw              BLOB    NOT NULL
);
CREATE INDEX ix_outbox_due ON outbox (next_attempt_at) WHERE state = 'Pending';
CREATE INDEX ix_outbox_recipient ON outbox (recipient, created_at);

-- Every delivery attempt, with its time and result.
CREATE TABLE outbox_attempts (
    id         INTEGER PRIMARY KEY,
    outbox_id  INTEGER NOT NULL REFERENCES outbox (id),
    at         INTEGER NOT NULL,
    result     TEXT    NOT NULL,                  -- Sent, Retry, Failed
    detail     TEXT    NOT NULL
);
CREATE INDEX ix_outbox_attempts_outbox ON outbox_attempts (outbox_id);

-- One row per source item that could not become a ticket message; quarantining the same item
-- again (a replay that fails again) updates it.
CREATE TABLE quarantine (
    id              INTEGER PRIMARY KEY,
    mailbox         TEXT    NOT NULL,
    source          TEXT    NOT NULL,
    source_key      TEXT    NOT NULL,
    raw_sha256      TEXT    NOT NULL REFERENCES blobs (sha256),
    size            INTEGER NOT NULL,
    reason          TEXT    NOT NULL,
    detail          TEXT    NOT NULL,
    received_at     INTEGER NOT NULL,
    quarantined_at  INTEGER NOT NULL,
    replayed_at     INTEGER,
    UNIQUE (source, source_key)
);

CREATE TABLE suppressed_addresses (
    address    TEXT    NOT NULL PRIMARY KEY COLLATE NOCASE,
    reason     TEXT    NOT NULL,
    ticket_id  INTEGER REFERENCES tickets (id),
    at         INTEGER NOT NULL
) WITHOUT ROWID;
