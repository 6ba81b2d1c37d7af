-- One *waiting* job per key. A job already running does not block a new one: a customer message that
-- arrives while the ticket is being classified must trigger another classification.
DROP INDEX jobs_pending_key;
CREATE UNIQUE INDEX jobs_queued_key ON jobs (dedupe_key) WHERE state = 'queued';
