-- Saved custom views: a named filter over tickets, shown in the left pane with its live count.
CREATE TABLE saved_views (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    filter_json TEXT    NOT NULL,
    position    INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
);
