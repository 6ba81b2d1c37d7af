-- Where each watched mail folder's sync stands. The cursor moves in the same transaction as the messages
-- it covers, so a crash mid-sync resumes exactly after the last stored message.
CREATE TABLE sync_folders (
    account_id     INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    folder         TEXT    NOT NULL,
    uidvalidity    INTEGER NOT NULL,
    -- Highest UID stored (or recorded as unreadable); the next sync fetches the UIDs above it.
    last_uid       INTEGER NOT NULL,
    highest_modseq INTEGER,
    synced_at      INTEGER NOT NULL,
    PRIMARY KEY (account_id, folder)
);

-- What the agent sees on an account: syncing, fine, or failing (and why, and when it tries again).
CREATE TABLE account_status (
    account_id   INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    state        TEXT    NOT NULL CHECK (state IN ('syncing', 'ok', 'error')),
    message      TEXT,
    last_sync_at INTEGER,
    retry_at     INTEGER,
    updated_at   INTEGER NOT NULL
);

-- Mail that could not be turned into a message (no sender, unparseable): the raw bytes are kept as a
-- blob so nothing is lost, and the agent is told.
CREATE TABLE unreadable_messages (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
    source_key  TEXT    NOT NULL UNIQUE,
    blob_sha256 TEXT    NOT NULL,
    error       TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);

-- A random identity of this workspace: keychain entries are filed under it, so two workspaces on one
-- machine (a test copy, a second business) never read or overwrite each other's passwords.
INSERT OR IGNORE INTO settings (key, value) VALUES ('workspace.id', lower(hex(randomblob(16))));
