-- Per-account privacy: tickets of an account marked local-only are never sent to a cloud model; the
-- offline classifier (or a model on this machine) handles them.
ALTER TABLE accounts ADD COLUMN local_ai_only INTEGER NOT NULL DEFAULT 0;
