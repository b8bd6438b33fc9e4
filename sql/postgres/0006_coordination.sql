-- Coordination between workers that share this database. The same change as sql/sqlite/0006.
--
-- One worker at a time reads a mailbox: it holds the mailbox's lease while it polls, renews it
-- while it works, and deletes it when it stops cleanly. A lease whose holder died is taken
-- over once expires_at has passed. Taken and renewed with one conditional upsert, so two
-- workers racing for a free or expired lease cannot both win.
CREATE TABLE mailbox_leases (
    mailbox      text    NOT NULL PRIMARY KEY,
    owner        text    NOT NULL,               -- host name, process id and a random part
    acquired_at  bigint  NOT NULL,               -- when this owner took it (kept across renewals)
    expires_at   bigint  NOT NULL
);

-- The last outcome of every scheduled job (one row per job: "Outbox", "MailboxPoll/support"),
-- written when a run ends, for `status` and the health check. Best effort: a job never fails
-- because this row could not be written.
CREATE TABLE job_runs (
    job                   text    NOT NULL PRIMARY KEY,
    last_started_at       bigint  NOT NULL,
    last_finished_at      bigint  NOT NULL,
    last_succeeded_at     bigint,
    last_failed_at        bigint,
    last_error            text,                  -- of the latest failure, kept after later successes
    last_result           bigint,                -- what the last run did: messages read, mails sent, actions taken
    backlog               bigint,                -- a mailbox poll: messages still waiting after it, when known
    runs                  bigint  NOT NULL,
    failures              bigint  NOT NULL,
    consecutive_failures  bigint  NOT NULL,
    last_owner            text    NOT NULL       -- the worker that ran it
);
