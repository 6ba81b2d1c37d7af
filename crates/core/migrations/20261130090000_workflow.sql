-- Workflow: queues, rules, SLA clocks, customer profiles and their orders.

-- A queue is a team's pile of work (Billing, Technical…); rules route tickets into queues.
ALTER TABLE tickets ADD COLUMN queue TEXT;
CREATE INDEX tickets_queue ON tickets (queue, updated_at DESC) WHERE queue IS NOT NULL;

-- When the status last changed: time-based rules ("pending for 3 days") measure from here.
ALTER TABLE tickets ADD COLUMN status_changed_at INTEGER;
UPDATE tickets SET status_changed_at = updated_at;
CREATE TRIGGER tickets_status_changed AFTER UPDATE OF status ON tickets
WHEN old.status <> new.status
BEGIN
    UPDATE tickets SET status_changed_at = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE id = new.id;
END;

-- SLA clocks, derived by the SLA code from the ticket, its policy and its pauses. sla_due_at is the nearest
-- running target (for sorting); the *_fired columns remember which due time was already announced.
ALTER TABLE tickets ADD COLUMN sla_policy TEXT;
ALTER TABLE tickets ADD COLUMN first_response_due_at INTEGER;
ALTER TABLE tickets ADD COLUMN next_response_due_at INTEGER;
ALTER TABLE tickets ADD COLUMN resolution_due_at INTEGER;
ALTER TABLE tickets ADD COLUMN sla_due_at INTEGER;
ALTER TABLE tickets ADD COLUMN sla_paused INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN sla_warned_for INTEGER;
ALTER TABLE tickets ADD COLUMN sla_breached_for INTEGER;
CREATE INDEX tickets_sla_due ON tickets (sla_due_at) WHERE sla_due_at IS NOT NULL;

-- Time spent waiting on the customer stops the resolution clock; kept by triggers so no code path forgets.
CREATE TABLE ticket_pauses (
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    started_at INTEGER NOT NULL,
    ended_at   INTEGER
);
CREATE INDEX ticket_pauses_ticket ON ticket_pauses (ticket_id);
CREATE TRIGGER tickets_pause_start AFTER UPDATE OF status ON tickets
WHEN new.status = 'pending' AND old.status <> 'pending'
BEGIN
    INSERT INTO ticket_pauses (ticket_id, started_at) VALUES (new.id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER tickets_pause_end AFTER UPDATE OF status ON tickets
WHEN old.status = 'pending' AND new.status <> 'pending'
BEGIN
    UPDATE ticket_pauses SET ended_at = CAST(unixepoch('subsec') * 1000 AS INTEGER)
    WHERE ticket_id = new.id AND ended_at IS NULL;
END;

-- Tickets whose SLA clocks must be recomputed; marked by triggers on whatever the clocks depend on.
CREATE TABLE sla_dirty (ticket_id INTEGER PRIMARY KEY);
CREATE TRIGGER tickets_sla_new AFTER INSERT ON tickets
BEGIN
    INSERT OR IGNORE INTO sla_dirty (ticket_id) VALUES (new.id);
END;
CREATE TRIGGER tickets_sla_change AFTER UPDATE OF status, priority, queue, customer_id, first_response_at,
    last_customer_message_at ON tickets
BEGIN
    INSERT OR IGNORE INTO sla_dirty (ticket_id) VALUES (new.id);
END;
CREATE TRIGGER messages_sla_reply AFTER INSERT ON messages
WHEN new.direction = 'outbound'
BEGIN
    INSERT OR IGNORE INTO sla_dirty (ticket_id) VALUES (new.ticket_id);
END;

-- A customer's tier picks the policy of their open tickets.
CREATE TRIGGER customers_sla_tier AFTER UPDATE OF tier ON customers
BEGIN
    INSERT OR IGNORE INTO sla_dirty (ticket_id)
    SELECT id FROM tickets WHERE customer_id = new.id AND status IN ('new', 'open', 'pending');
END;

-- Rules: ordered, each a JSON definition (trigger, conditions, actions) the rules code validates.
CREATE TABLE rules (
    id              INTEGER PRIMARY KEY,
    position        INTEGER NOT NULL,
    enabled         INTEGER NOT NULL DEFAULT 1,
    definition_json TEXT    NOT NULL,
    -- Why the rule was skipped the last time it failed (bad regex, unknown saved reply…).
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);

-- When a rule last acted on a ticket: time-based rules fire once per stay in a status.
CREATE TABLE rule_runs (
    rule_id   INTEGER NOT NULL REFERENCES rules (id) ON DELETE CASCADE,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    fired_at  INTEGER NOT NULL,
    PRIMARY KEY (rule_id, ticket_id)
);

-- Automatic replies carry Auto-Submitted: auto-replied and are rate-limited per ticket.
ALTER TABLE outbox ADD COLUMN auto_submitted INTEGER NOT NULL DEFAULT 0;

-- A draft prepared for the agent (by a rule from a saved reply); the composer offers it.
CREATE TABLE ticket_drafts (
    ticket_id  INTEGER PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
    body       TEXT    NOT NULL,
    source     TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

-- SLA policies: the first matching (by position) applies to a ticket. Targets in business minutes.
CREATE TABLE sla_policies (
    id                     INTEGER PRIMARY KEY,
    position               INTEGER NOT NULL,
    name                   TEXT    NOT NULL,
    priority               TEXT,
    queue                  TEXT,
    tier                   TEXT,
    first_response_minutes INTEGER,
    next_response_minutes  INTEGER,
    resolution_minutes     INTEGER
);
INSERT INTO sla_policies (position, name, priority, first_response_minutes, next_response_minutes, resolution_minutes)
VALUES (1, 'Urgent', 'urgent', 60, 120, 480),
       (2, 'High', 'high', 240, 480, 1440),
       (3, 'Normal', 'normal', 480, 960, 4800),
       (4, 'Low', 'low', 1440, 2880, 9600);

-- Customer profiles.
ALTER TABLE customers ADD COLUMN company TEXT;
ALTER TABLE customers ADD COLUMN language TEXT;
ALTER TABLE customers ADD COLUMN tags_json TEXT NOT NULL DEFAULT '[]';

-- Orders imported from a shop (Shopify, WooCommerce, any CSV), linked to customers.
CREATE TABLE orders (
    id                 INTEGER PRIMARY KEY,
    customer_id        INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    source             TEXT    NOT NULL,
    number             TEXT    NOT NULL,
    status             TEXT    NOT NULL DEFAULT '',
    fulfillment_status TEXT    NOT NULL DEFAULT '',
    total_cents        INTEGER NOT NULL DEFAULT 0,
    currency           TEXT    NOT NULL DEFAULT '',
    placed_at          INTEGER NOT NULL,
    items_json         TEXT    NOT NULL DEFAULT '[]',
    UNIQUE (source, number)
);
CREATE INDEX orders_customer ON orders (customer_id, placed_at DESC);
