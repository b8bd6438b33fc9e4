-- 0003: what the routing rules decided for a ticket beyond its queue, category and priority
-- (those stay on tickets). One row per ticket a rule touched; none for mailbox-only routing.
-- Lists are JSON text (like messages.to_addresses), as in SQLite: read and written whole.
CREATE TABLE ticket_routing (
    ticket_id     bigint NOT NULL PRIMARY KEY REFERENCES tickets (id),
    sla_policy    text,
    assign_group  text,
    tags          text   NOT NULL,   -- JSON array of strings, in the order first added
    fields        text   NOT NULL,   -- JSON object: field name -> value (set from a rule's named capture)
    fired_rules   text   NOT NULL    -- JSON array: every rule that ever fired for the ticket, first-fired order
);
