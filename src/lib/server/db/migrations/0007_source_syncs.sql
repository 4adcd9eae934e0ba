-- Pulls from a source's HTTP API (LAN): one row per sync run. Pages are staged in a JSON Lines
-- file under DATA_DIR before being recorded here, so an interrupted sync resumes at the next page,
-- and the staged file is then imported like any source file.
create table source_syncs (
	id bigint generated always as identity primary key,
	source text not null check (source in ('panrb', 'kemendagri', 'lan')),
	base_url text not null,
	-- updated_since sent to the API; null for a full sync
	since timestamptz,
	status text not null default 'running' check (status in ('running', 'succeeded', 'failed')),
	-- page numbers only mean something with the page size they were fetched with
	per_page integer not null,
	pages_fetched integer not null default 0,
	last_page integer,
	total integer,
	records_fetched integer not null default 0,
	staged_file text,
	-- length of the staged file after the last recorded page: a longer file is cut back to it on resume
	staged_bytes bigint not null default 0,
	import_run_id bigint references import_runs (id),
	actor text not null,
	started_at timestamptz not null default now(),
	finished_at timestamptz,
	error text
);
create index source_syncs_url_idx on source_syncs (source, base_url, id desc);
