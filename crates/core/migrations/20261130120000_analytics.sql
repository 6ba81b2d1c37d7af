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

-- The AI's verdict the agent judged (the last automatic run before the agent's first correction) and the
-- agent's labels, kept on the ticket by triggers so the dashboard reads one row per ticket.
ALTER TABLE tickets ADD COLUMN ai_source TEXT;
ALTER TABLE tickets ADD COLUMN ai_category TEXT;
ALTER TABLE tickets ADD COLUMN ai_priority TEXT;
ALTER TABLE tickets ADD COLUMN ai_confidence REAL;
ALTER TABLE tickets ADD COLUMN agent_category TEXT;
ALTER TABLE tickets ADD COLUMN agent_priority TEXT;
UPDATE tickets SET
    agent_category = (SELECT c.category FROM classifications c
                      WHERE c.ticket_id = tickets.id AND c.source = 'agent' AND c.category IS NOT NULL
                      ORDER BY c.id DESC LIMIT 1),
    agent_priority = (SELECT c.priority FROM classifications c
                      WHERE c.ticket_id = tickets.id AND c.source = 'agent' AND c.priority IS NOT NULL
                      ORDER BY c.id DESC LIMIT 1);
UPDATE tickets SET (ai_source, ai_category, ai_priority, ai_confidence) = (
    SELECT c.source, c.category, c.priority, c.confidence FROM classifications c
    WHERE c.ticket_id = tickets.id AND c.source <> 'agent'
      AND c.id < coalesce((SELECT min(a.id) FROM classifications a WHERE a.ticket_id = tickets.id
                                                                    AND a.source = 'agent'), 9223372036854775807)
    ORDER BY c.id DESC LIMIT 1);
CREATE TRIGGER classifications_agent_verdict AFTER INSERT ON classifications
WHEN new.source = 'agent'
BEGIN
    UPDATE tickets SET agent_category = coalesce(new.category, agent_category),
                       agent_priority = coalesce(new.priority, agent_priority)
    WHERE id = new.ticket_id;
END;
CREATE TRIGGER classifications_ai_verdict AFTER INSERT ON classifications
WHEN new.source <> 'agent'
BEGIN
    UPDATE tickets SET ai_source = new.source, ai_category = new.category, ai_priority = new.priority,
                       ai_confidence = new.confidence
    WHERE id = new.ticket_id AND agent_category IS NULL AND agent_priority IS NULL;
END;

-- The backlog at the start of a range: unresolved tickets, and pauses still running.
CREATE INDEX tickets_unresolved ON tickets (created_at) WHERE resolved_at IS NULL;
CREATE INDEX ticket_pauses_started ON ticket_pauses (started_at);
CREATE INDEX ticket_pauses_ended ON ticket_pauses (ended_at) WHERE ended_at IS NOT NULL;
