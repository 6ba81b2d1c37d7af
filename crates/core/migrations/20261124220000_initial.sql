-- Switchboard workspace schema. Times are unix milliseconds (UTC).

-- Channel accounts hold settings only; secrets live in the OS keychain.
CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    channel       TEXT    NOT NULL CHECK (channel IN ('email', 'phone', 'telegram', 'wechat')),
    name          TEXT    NOT NULL,
    address       TEXT    NOT NULL,
    settings_json TEXT    NOT NULL DEFAULT '{}',
    enabled       INTEGER NOT NULL DEFAULT 1,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);

CREATE TABLE customers (
    id           INTEGER PRIMARY KEY,
    display_name TEXT    NOT NULL,
    tier         TEXT,
    notes        TEXT    NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);

-- One row per way of reaching a customer (email address, phone, chat user id).
CREATE TABLE customer_identities (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    channel     TEXT    NOT NULL,
    address     TEXT    NOT NULL,
    UNIQUE (channel, address)
);
CREATE INDEX customer_identities_customer ON customer_identities (customer_id);

CREATE TABLE tickets (
    id                       INTEGER PRIMARY KEY,
    number                   INTEGER NOT NULL UNIQUE,
    subject                  TEXT    NOT NULL,
    status                   TEXT    NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'open', 'pending', 'resolved', 'closed')),
    priority                 TEXT    NOT NULL DEFAULT 'normal'
        CHECK (priority IN ('urgent', 'high', 'normal', 'low')),
    category                 TEXT,
    sentiment                TEXT,
    language                 TEXT,
    summary                  TEXT,
    needs_review             INTEGER NOT NULL DEFAULT 0,
    assignee                 TEXT,
    channel                  TEXT    NOT NULL,
    account_id               INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    customer_id              INTEGER NOT NULL REFERENCES customers (id),
    unread                   INTEGER NOT NULL DEFAULT 1,
    auto_generated           INTEGER NOT NULL DEFAULT 0,
    -- Denormalised for the list view, which must stay fast at 100,000 tickets.
    preview                  TEXT    NOT NULL DEFAULT '',
    message_count            INTEGER NOT NULL DEFAULT 0,
    created_at               INTEGER NOT NULL,
    updated_at               INTEGER NOT NULL,
    last_customer_message_at INTEGER,
    first_response_at        INTEGER,
    resolved_at              INTEGER
);
CREATE INDEX tickets_status_updated ON tickets (status, updated_at DESC);
CREATE INDEX tickets_customer ON tickets (customer_id, updated_at DESC);
CREATE INDEX tickets_channel_updated ON tickets (channel, updated_at DESC);

CREATE TABLE messages (
    id                 INTEGER PRIMARY KEY,
    ticket_id          INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    direction          TEXT    NOT NULL CHECK (direction IN ('inbound', 'outbound', 'note')),
    author_name        TEXT    NOT NULL,
    author_address     TEXT    NOT NULL,
    subject            TEXT    NOT NULL DEFAULT '',
    body_text          TEXT    NOT NULL,
    body_html          TEXT,
    -- RFC 5322 Message-ID (or the chat platform's message id), without angle brackets.
    channel_message_id TEXT,
    in_reply_to        TEXT,
    references_json    TEXT    NOT NULL DEFAULT '[]',
    raw_headers        TEXT    NOT NULL DEFAULT '',
    -- sha256 over sender, date, subject, body and Message-ID: the same mail seen twice is stored once.
    content_hash       TEXT    NOT NULL,
    -- Where the message came from (account/folder/uidvalidity/uid, or an import file), for dedup by source.
    source_key         TEXT,
    auto_generated     INTEGER NOT NULL DEFAULT 0,
    account_id         INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    sent_at            INTEGER NOT NULL,
    created_at         INTEGER NOT NULL
);
CREATE INDEX messages_ticket ON messages (ticket_id, sent_at);
CREATE INDEX messages_channel_message_id ON messages (channel_message_id);
CREATE UNIQUE INDEX messages_inbound_content ON messages (content_hash) WHERE direction = 'inbound';
CREATE UNIQUE INDEX messages_source_key ON messages (source_key) WHERE source_key IS NOT NULL;

-- Attachment bytes are content-addressed files beside the database (attachments/ab/cdef…).
CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    message_id   INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    filename     TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT    NOT NULL,
    inline       INTEGER NOT NULL DEFAULT 0,
    content_id   TEXT
);
CREATE INDEX attachments_message ON attachments (message_id);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE ticket_tags (
    ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    tag_id    INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (ticket_id, tag_id)
);

CREATE TABLE classifications (
    id            INTEGER PRIMARY KEY,
    ticket_id     INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    source        TEXT    NOT NULL CHECK (source IN ('llm', 'local_model', 'agent')),
    model         TEXT    NOT NULL DEFAULT '',
    category      TEXT,
    priority      TEXT,
    sentiment     TEXT,
    language      TEXT,
    summary       TEXT,
    entities_json TEXT    NOT NULL DEFAULT '[]',
    next_step     TEXT,
    confidence    REAL,
    created_at    INTEGER NOT NULL
);
CREATE INDEX classifications_ticket ON classifications (ticket_id, created_at DESC);

-- Append-only audit log: every change to a ticket, by whom or what.
CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER REFERENCES tickets (id) ON DELETE SET NULL,
    kind       TEXT    NOT NULL,
    actor      TEXT    NOT NULL,
    data_json  TEXT    NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL
);
CREATE INDEX events_ticket ON events (ticket_id, id);
CREATE TRIGGER events_no_update BEFORE UPDATE OF kind, actor, data_json, created_at ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;

-- Durable work queue (classification, retraining, …): survives restarts.
CREATE TABLE jobs (
    id           INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL,
    payload_json TEXT    NOT NULL DEFAULT '{}',
    -- At most one pending job per key (e.g. one classification per ticket).
    dedupe_key   TEXT,
    state        TEXT    NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    run_after    INTEGER NOT NULL,
    last_error   TEXT,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX jobs_ready ON jobs (state, run_after);
CREATE UNIQUE INDEX jobs_pending_key ON jobs (dedupe_key) WHERE state IN ('queued', 'running');

-- Durable outbox: a reply is written here first and sent by a background task, exactly once.
CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    channel    TEXT    NOT NULL,
    account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    state      TEXT    NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    sent_at    INTEGER
);
CREATE INDEX outbox_state ON outbox (state, id);
CREATE INDEX outbox_ticket ON outbox (ticket_id);

-- Key/value settings of the workspace (never secrets).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Full-text search: external-content FTS5 tables kept in sync by triggers (the 'delete' command before
-- re-inserting, as the FTS5 documentation prescribes). The trigram tokenizer matches substrings, so
-- Chinese (no spaces between words) is searchable; shorter terms fall back to LIKE in the search code.
CREATE VIRTUAL TABLE messages_fts USING fts5 (
    subject, body_text, author_name, author_address,
    content = 'messages', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages
BEGIN
    INSERT INTO messages_fts (rowid, subject, body_text, author_name, author_address)
    VALUES (new.id, new.subject, new.body_text, new.author_name, new.author_address);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, subject, body_text, author_name, author_address)
    VALUES ('delete', old.id, old.subject, old.body_text, old.author_name, old.author_address);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF subject, body_text, author_name, author_address ON messages
BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, subject, body_text, author_name, author_address)
    VALUES ('delete', old.id, old.subject, old.body_text, old.author_name, old.author_address);
    INSERT INTO messages_fts (rowid, subject, body_text, author_name, author_address)
    VALUES (new.id, new.subject, new.body_text, new.author_name, new.author_address);
END;

CREATE VIRTUAL TABLE tickets_fts USING fts5 (
    subject, summary,
    content = 'tickets', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets
BEGIN
    INSERT INTO tickets_fts (rowid, subject, summary) VALUES (new.id, new.subject, new.summary);
END;
CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets
BEGIN
    INSERT INTO tickets_fts (tickets_fts, rowid, subject, summary) VALUES ('delete', old.id, old.subject, old.summary);
END;
CREATE TRIGGER tickets_fts_update AFTER UPDATE OF subject, summary ON tickets
BEGIN
    INSERT INTO tickets_fts (tickets_fts, rowid, subject, summary) VALUES ('delete', old.id, old.subject, old.summary);
    INSERT INTO tickets_fts (rowid, subject, summary) VALUES (new.id, new.subject, new.summary);
END;
