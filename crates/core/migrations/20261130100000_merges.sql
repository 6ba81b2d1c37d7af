-- Merging: a ticket merged into another stays as a closed pointer to it; a customer merge is recorded
-- with what moved, so it can be undone.
ALTER TABLE tickets ADD COLUMN merged_into INTEGER REFERENCES tickets (id) ON DELETE SET NULL;

CREATE TABLE customer_merges (
    id             INTEGER PRIMARY KEY,
    into_id        INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    -- The merged-away customer as it was (name, tier, notes…), and the ids of what moved.
    customer_json  TEXT    NOT NULL,
    identities_json TEXT   NOT NULL,
    tickets_json   TEXT    NOT NULL,
    orders_json    TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,
    undone_at      INTEGER
);
