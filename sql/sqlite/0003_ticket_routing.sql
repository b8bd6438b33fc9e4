-- 0003: what the routing rules decided for a ticket beyond its queue, category and priority
-- (those stay on tickets). One row per ticket a rule touched; none for mailbox-only routing.
-- Lists are JSON (like messages.to_addresses): they are read and written whole, with the ticket.
CREATE TABLE ticket_routing (
    ticket_id     INTEGER NOT NULL PRIMARY KEY REFERENCES tickets (id),
    sla_policy    TEXT,
    assign_group  TEXT,
    tags          TEXT    NOT NULL,   -- JSON array of strings, in the order first added
    fields        TEXT    NOT NULL,   -- JSON object: field name -> value (set from a rule's named capture)
    fired_rules   TEXT    NOT NULL    -- JSON array: every rule that ever fired for the ticket, first-fired order
);
