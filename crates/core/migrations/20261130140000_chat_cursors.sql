-- Where each chat account stands in its platform's message stream (a Telegram update offset, a WeCom sync
-- cursor). It moves in the same transaction as the messages it covers: a crash re-reads at most the last
-- batch, which dedup by source key stores once.
CREATE TABLE channel_cursors (
    account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    cursor     TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);

-- A chat reply longer than the platform allows goes out in parts; a retry resumes after the parts sent.
ALTER TABLE outbox ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0;
