-- Coordination between workers that share this database.
--
-- One worker at a time reads a mailbox: it holds the mailbox's lease while it polls, renews it
-- while it works, and deletes it when it stops cleanly. A lease whose holder died is taken
-- over once expires_at has passed. Taken and renewed with one conditional upsert, so two
-- workers racing for a free or expired lease cannot both win.
CREATE TABLE mailbox_leases (
    mailbox      TEXT    NOT NULL PRIMARY KEY,
    owner        TEXT    NOT NULL,               -- host name, process id and a random part
    acquired_at  INTEGER NOT NULL,               -- when this owner took it (kept across renewals)
    expires_at   INTEGER NOT NULL
) WITHOUT ROWID;

-- The last outcome of every scheduled job (one row per job: "Outbox", "MailboxPoll/support"),
-- written when a run ends, for `status` and the health check. Best effort: a job never fails
-- because this row could not be written.
CREATE TABLE job_runs (
    job                   TEXT    NOT NULL PRIMARY KEY,
    last_started_at       INTEGER NOT NULL,
    last_finished_at      INTEGER NOT NULL,
    last_succeeded_at     INTEGER,
    last_failed_at        INTEGER,
    last_error            TEXT,                  -- of the latest failure, kept after later successes
    last_result           INTEGER,               -- what the last run did: messages read, mails sent, actions taken
    backlog               INTEGER,               -- a mailbox poll: messages still waiting after it, when known
    runs                  INTEGER NOT NULL,
    failures              INTEGER NOT NULL,
    consecutive_failures  INTEGER NOT NULL,
    last_owner            TEXT    NOT NULL       -- the worker that ran it
) WITHOUT ROWID;
