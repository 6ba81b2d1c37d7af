-- Sending retries back off: a queued item waits until next_attempt_at.
ALTER TABLE outbox ADD COLUMN next_attempt_at INTEGER NOT NULL DEFAULT 0;
