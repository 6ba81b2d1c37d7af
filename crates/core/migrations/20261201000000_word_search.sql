-- Message text is indexed by word (unicode61) instead of by trigram. The trigram index made every character
-- a token: it cost more than all the rest of storing a mail (an initial IMAP sync spent half its time in
-- it) and was twice the size. Latin-script terms are now matched as word prefixes ("refund" finds
-- "refunded"); Chinese, which has no spaces between words, is matched by the per-character index
-- (messages_cjk) at any length. Ticket subjects and summaries are short and keep their trigram index.
DROP TRIGGER messages_fts_insert;
DROP TRIGGER messages_fts_delete;
DROP TRIGGER messages_fts_update;
DROP TABLE messages_fts;
CREATE VIRTUAL TABLE messages_fts USING fts5 (
    subject, body_text, author_name, author_address,
    content = 'messages', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
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
INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');

-- The per-character index holds only CJK characters separated by spaces, so the ascii tokenizer splits it
-- exactly as unicode61 did, without looking up each character's Unicode category. Rebuilt when the store
-- opens (the backfill starts over).
DROP TRIGGER messages_cjk_delete;
DROP TABLE messages_cjk;
CREATE VIRTUAL TABLE messages_cjk USING fts5 (chars, content = '', contentless_delete = 1, tokenize = 'ascii');
CREATE TRIGGER messages_cjk_delete AFTER DELETE ON messages
BEGIN
    DELETE FROM messages_cjk WHERE rowid = old.id;
END;
DELETE FROM settings WHERE key = 'search.cjk_indexed_to';
