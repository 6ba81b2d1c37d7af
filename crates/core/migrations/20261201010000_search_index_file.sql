-- The messages' full-text indexes move to their own database file (search_index.rs), written by their own
-- connection beside the one storing mail. Inserts are found there by id; edits and deletions are logged
-- here for it, since that file cannot see this one's triggers.
DROP TRIGGER messages_fts_insert;
DROP TRIGGER messages_fts_delete;
DROP TRIGGER messages_fts_update;
DROP TABLE messages_fts;
DROP TRIGGER messages_cjk_delete;
DROP TABLE messages_cjk;
DELETE FROM settings WHERE key = 'search.cjk_indexed_to';

-- AUTOINCREMENT: the index reads the log above the last number it took in, and the log is emptied once
-- read; without it, numbering would start again at 1 and every later change would look already read.
CREATE TABLE search_changes (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id INTEGER NOT NULL
);
CREATE TRIGGER search_changes_update AFTER UPDATE OF subject, body_text, author_name, author_address ON messages
BEGIN
    INSERT INTO search_changes (message_id) VALUES (old.id);
END;
CREATE TRIGGER search_changes_delete AFTER DELETE ON messages
BEGIN
    INSERT INTO search_changes (message_id) VALUES (old.id);
END;
