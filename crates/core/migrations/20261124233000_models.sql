-- Trained local models (the offline classifier), one row per model name; replaced on retraining.
CREATE TABLE models (
    name       TEXT PRIMARY KEY,
    trained_at INTEGER NOT NULL,
    examples   INTEGER NOT NULL,
    data       BLOB    NOT NULL
);

-- Agent corrections are labels: the latest per ticket and field wins, and automatic runs never
-- overwrite a field the agent set.
CREATE INDEX classifications_source ON classifications (source, ticket_id);
