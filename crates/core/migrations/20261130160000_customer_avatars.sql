-- A customer's picture as their chat platform shows it (WeChat's avatar), kept small and local: the
-- profile shows it without loading anything remote.
ALTER TABLE customers ADD COLUMN avatar BLOB;
ALTER TABLE customers ADD COLUMN avatar_type TEXT;
