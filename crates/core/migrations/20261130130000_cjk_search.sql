-- Chinese search terms of one or two characters (退款, 发票) are below the trigram index's reach. This index
-- holds only the CJK characters of each message, one token per character, so a short term is an FTS phrase
-- ("退 款") instead of a scan of every message. Filled by the code that writes messages (SQL cannot split
-- text into characters); the setting `search.cjk_indexed_to` records how far messages stored before this index were indexed.
CREATE VIRTUAL TABLE messages_cjk USING fts5 (chars, content = '', contentless_delete = 1, tokenize = 'unicode61');
CREATE TRIGGER messages_cjk_delete AFTER DELETE ON messages
BEGIN
    DELETE FROM messages_cjk WHERE rowid = old.id;
END;
