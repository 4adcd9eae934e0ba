-- Faster read paths for the catalogue and the innovation page at national scale.

-- The province of a regional innovation, derived from its region code, so that the province
-- filter and the per-province figures use an index instead of a pattern match.
alter table innovations add column province_code text
	generated always as (substr(region_code, 1, 2)) stored;
create index innovations_province_idx on innovations (province_code, stage) where deleted_at is null;

-- "Inovasi serupa": the newest innovations of one affair.
create index innovations_affair_created_idx on innovations (main_affair, created_at desc)
	where deleted_at is null;

-- Award winners, newest first, for the home page.
create index awards_year_idx on awards (year desc, innovation_id);
