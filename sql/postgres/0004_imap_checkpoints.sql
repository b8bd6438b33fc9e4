-- How far an IMAP folder has been read: every message up to last_uid (within uid_validity) is
-- committed. Written in the same transaction as the tickets of the messages it covers, so a
-- crash never skips a message; a changed UIDVALIDITY (RFC 3501 §2.3.1.1) restarts at UID 1,
-- and the change is recorded here.
CREATE TABLE imap_checkpoints (
    source                   text   NOT NULL PRIMARY KEY,   -- imap:HOST/USER/FOLDER
    mailbox                  text   NOT NULL,
    uid_validity             bigint NOT NULL,
    last_uid                 bigint NOT NULL,
    updated_at               bigint NOT NULL,
    previous_uid_validity    bigint,
    uid_validity_changed_at  bigint,
    rescans                  bigint NOT NULL DEFAULT 0
);
