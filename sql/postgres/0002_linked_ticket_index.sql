-- Threading looks up the ticket that a reply to a closed ticket opened, so the next reply
-- joins it instead of opening yet another one.
CREATE INDEX ix_tickets_linked ON tickets (linked_ticket_id) WHERE linked_ticket_id IS NOT NULL;
