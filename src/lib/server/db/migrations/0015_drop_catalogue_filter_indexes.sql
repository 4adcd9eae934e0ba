-- The catalogue's filters (stage, year, affair) and its "similar innovations" run on the
-- in-process search index (decision 007); in SQL they remain only in exports, which read every
-- row anyway, and in the national figures, which count by group over the whole table. Each of
-- these indexes cost every imported innovation an insert, and every update of one a rewrite
-- (decision 010).
drop index if exists innovations_stage_idx;
drop index if exists innovations_year_idx;
drop index if exists innovations_affair_idx;
drop index if exists innovations_affair_created_idx;
