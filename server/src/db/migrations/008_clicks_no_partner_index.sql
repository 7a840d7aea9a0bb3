-- The Welcome summary now reads its clicks per day from `click_days` (the same UTC days, kept by
-- the click writer in the batch's transaction), so nothing reads `clicks` by partner any more and
-- clicks_by_partner_time only cost the click writer a B-tree insert per click. What is left:
--   attribution by click id, flush() checks    public_id    (its UNIQUE index)
--   the repeat-visitor memory after a restart  id, newest first (the table itself)
-- Partners are suspended, never deleted; were one ever deleted, its ON DELETE CASCADE would scan
-- `clicks` once for it.
DROP INDEX IF EXISTS clicks_by_partner_time;
