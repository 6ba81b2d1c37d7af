-- The inbox's default list (open tickets, most recently active first) read in index order: a page deep
-- in 100,000 tickets is found without sorting them all. Snooze times ride along for the filter.
CREATE INDEX tickets_open_newest ON tickets (updated_at DESC, id DESC, snoozed_until)
    WHERE status IN ('new', 'open');
