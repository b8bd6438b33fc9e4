-- 0005: what the schedule (SLA reminders, customer follow-ups, auto-close) needs to decide, and
-- the claims that make each scheduled send happen once. The same change as sql/sqlite/0005.

-- When staff first answered the customer (the first-response SLA clock stops there), and since
-- when the ticket has its current status (follow-ups count from it). Rows from before this
-- migration: a Submitted ticket has had its status since it was created; for the others the
-- last update is the best time known.
ALTER TABLE tickets ADD COLUMN first_response_at bigint;
ALTER TABLE tickets ADD COLUMN status_since bigint;
UPDATE tickets SET status_since = CASE status WHEN 'Submitted' THEN created_at ELSE updated_at END;

-- Every status change after creation, for the SLA clocks (a pause while waiting on the customer,
-- a reopened ticket's resolution clock). Who made it is in ticket_events.
CREATE TABLE ticket_status_changes (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id  bigint NOT NULL REFERENCES tickets (id),
    at         bigint NOT NULL,
    status     text   NOT NULL
);
CREATE INDEX ix_ticket_status_changes_ticket ON ticket_status_changes (ticket_id, at);

-- The sweeps read every ticket that is not closed, in id order; closed tickets are most of the
-- table and stay out of this index.
CREATE INDEX ix_tickets_open ON tickets (id) WHERE status <> 'Closed';

-- One row per scheduled action taken, by its key ('sla:42:first-response:reminder',
-- 'followup:42:waiting:20261121T090000Z:close'). The row is written in the same transaction as
-- the notice's outbox row and the ticket change, so a key is acted on once whatever crashes,
-- restarts, misfires or other workers do; the outbox sends it.
CREATE TABLE scheduled_claims (
    key         text   NOT NULL PRIMARY KEY,
    ticket_id   bigint NOT NULL REFERENCES tickets (id),
    claimed_at  bigint NOT NULL,
    claimed_by  text   NOT NULL,
    outbox_id   bigint REFERENCES outbox (id),   -- null when nothing was to be sent (no team address)
    outcome     text   NOT NULL
);
CREATE INDEX ix_scheduled_claims_ticket ON scheduled_claims (ticket_id);

-- A worker delivering outbox rows leases them first, so two workers never send one row at the
-- same time; a lease left by a worker that died runs out and the row is taken up again.
ALTER TABLE outbox ADD COLUMN lease_owner text;
ALTER TABLE outbox ADD COLUMN lease_until bigint;
