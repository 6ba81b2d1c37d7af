-- Analytics: what the dashboard counts that the tables did not keep yet. Every metric is computed from
-- these columns by crates/core/src/analytics; nothing here is a cached figure.

-- The dashboard reads tickets by when they arrived and when they were resolved.
CREATE INDEX tickets_created ON tickets (created_at);
CREATE INDEX tickets_resolved ON tickets (resolved_at) WHERE resolved_at IS NOT NULL;

-- How often a resolved or closed ticket came back (the customer wrote again, or the agent reopened it).
ALTER TABLE tickets ADD COLUMN reopen_count INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER tickets_reopened AFTER UPDATE OF status ON tickets
WHEN old.status IN ('resolved', 'closed') AND new.status IN ('new', 'open', 'pending')
BEGIN
    UPDATE tickets SET reopen_count = reopen_count + 1 WHERE id = new.id;
END;

-- How many times rules acted on a ticket, and how often each rule acted (rules that never fire).
ALTER TABLE tickets ADD COLUMN rules_fired INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rules ADD COLUMN fire_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rules ADD COLUMN last_fired_at INTEGER;

-- Each SLA target a ticket missed, once per due time: announced by the workflow tick, or noticed when the
-- reply or resolution came after the due time while the app was closed.
CREATE TABLE sla_breaches (
    ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    target    TEXT    NOT NULL CHECK (target IN ('first_response', 'next_response', 'resolution')),
    due_at    INTEGER NOT NULL,
    PRIMARY KEY (ticket_id, target, due_at)
);
CREATE INDEX sla_breaches_due ON sla_breaches (due_at);

-- A saved reply put into the reply box, and how much the agent changed it before sending (0 = sent as is).
CREATE TABLE saved_reply_uses (
    id             INTEGER PRIMARY KEY,
    saved_reply_id INTEGER NOT NULL REFERENCES saved_replies (id) ON DELETE CASCADE,
    ticket_id      INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    filled_body    TEXT    NOT NULL,
    used_at        INTEGER NOT NULL,
    edit_ratio     REAL
);
CREATE INDEX saved_reply_uses_reply ON saved_reply_uses (saved_reply_id);
CREATE INDEX saved_reply_uses_unsent ON saved_reply_uses (ticket_id) WHERE edit_ratio IS NULL;

-- Merged tickets are left out of every figure; they are few, so a partial index finds them.
CREATE INDEX tickets_merged ON tickets (merged_into) WHERE merged_into IS NOT NULL;
