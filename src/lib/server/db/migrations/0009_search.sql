-- Search (issue "Search and discovery in Bahasa Indonesia"): synonyms for query expansion, a
-- change counter the in-process search index polls, and the replication count used for
-- ranking and the "most replicated" sort (maintained by the replication workflow later).

-- Abbreviations and synonyms, both ways: "KTP" ~ "kartu tanda penduduk". Loaded from
-- ../shared/data/bahasa/singkatan-pemerintahan.csv (source 'csv') or added by admins ('admin').
-- Never deleted: a removed synonym keeps its row with deleted_at/deleted_by.
create table search_synonyms (
	id bigint generated always as identity primary key,
	term text not null check (length(btrim(term)) > 0),
	expansion text not null check (length(btrim(expansion)) > 0),
	source text not null default 'admin' check (source in ('csv', 'admin')),
	note text,
	created_by text,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	deleted_at timestamptz,
	deleted_by text
);
create unique index search_synonyms_pair_idx on search_synonyms (lower(term), lower(expansion))
	where deleted_at is null;
create index search_synonyms_updated_idx on search_synonyms (updated_at);

-- Every insert or update of an innovation takes the next number, so a search index in another
-- process can ask "what changed since N" without trusting clocks or callers' updated_at values
-- (the demo seeder and imports write updated_at themselves).
create sequence innovations_search_seq;
alter table innovations add column search_seq bigint not null default nextval('innovations_search_seq');
create index innovations_search_seq_idx on innovations (search_seq);

create function innovations_search_touch() returns trigger language plpgsql as $$
begin
	new.search_seq := nextval('innovations_search_seq');
	return new;
end;
$$;
create trigger innovations_search_touch before update on innovations
	for each row execute function innovations_search_touch();

-- How many times the innovation was replicated (0 until the replication workflow fills it).
alter table innovations add column replication_count integer not null default 0
	check (replication_count >= 0);
