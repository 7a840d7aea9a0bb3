-- Every click the redirect counts inserts a row into `clicks`, and each index on it is another
-- B-tree to write: no query reads clicks by link any more (per-link counts come from
-- `links.click_count` and `click_days`), so that index only cost the click writer (~1 µs a
-- click of its ~4.5). The queries that remain and the index each uses:
--   attribution by click id, flush() checks    public_id              (its UNIQUE index)
--   the Welcome summary's clicks per day       partner_id, created_at (clicks_by_partner_time)
--   the repeat-visitor memory after a restart  id, newest first       (the table itself)
-- Links are disabled, never deleted; were one ever deleted, its ON DELETE CASCADE would now scan
-- `clicks` once for it.
DROP INDEX IF EXISTS clicks_by_link_time;
