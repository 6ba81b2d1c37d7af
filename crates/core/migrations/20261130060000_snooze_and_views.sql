-- Snoozing: a snoozed ticket leaves the open views until the time comes or the customer writes again.
ALTER TABLE tickets ADD COLUMN snoozed_until INTEGER;
CREATE INDEX tickets_snoozed ON tickets (snoozed_until) WHERE snoozed_until IS NOT NULL;
CREATE INDEX tickets_assignee ON tickets (assignee, updated_at DESC) WHERE assignee IS NOT NULL;
CREATE INDEX tickets_category ON tickets (category, updated_at DESC);
