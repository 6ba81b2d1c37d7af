-- Two more facts the dashboard reads per ticket, kept on the ticket by triggers instead of looked up per
-- row: whether it ever missed an SLA target, and whether it got an automatic reply.
ALTER TABLE tickets ADD COLUMN sla_breached INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN auto_replied INTEGER NOT NULL DEFAULT 0;
UPDATE tickets SET sla_breached = 1 WHERE id IN (SELECT ticket_id FROM sla_breaches);
UPDATE tickets SET auto_replied = 1 WHERE id IN (SELECT ticket_id FROM outbox WHERE auto_submitted);
CREATE TRIGGER sla_breaches_flag AFTER INSERT ON sla_breaches
BEGIN
    UPDATE tickets SET sla_breached = 1 WHERE id = new.ticket_id AND NOT sla_breached;
END;
CREATE TRIGGER outbox_auto_reply_flag AFTER INSERT ON outbox
WHEN new.auto_submitted
BEGIN
    UPDATE tickets SET auto_replied = 1 WHERE id = new.ticket_id AND NOT auto_replied;
END;

-- The backlog's starting counts read only these indexes (no table lookups).
DROP INDEX tickets_unresolved;
CREATE INDEX tickets_unresolved ON tickets (created_at, merged_into) WHERE resolved_at IS NULL;
DROP INDEX tickets_resolved;
CREATE INDEX tickets_resolved ON tickets (resolved_at, created_at, merged_into) WHERE resolved_at IS NOT NULL;
