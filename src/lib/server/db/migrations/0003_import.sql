-- Importing source files: runs, quarantined rows, earlier versions of source records, blocking
-- keys for duplicate detection, and the curator review queue.

create table import_runs (
	id bigint generated always as identity primary key,
	source text not null check (source in ('panrb', 'kemendagri', 'lan')),
	file_name text not null,
	checksum text not null,
	status text not null default 'running' check (status in ('running', 'succeeded', 'partly', 'failed')),
	-- {read, inserted, updated, unchanged, linked, review, rejected, skippedEmpty}
	counts jsonb not null default '{}',
	actor text not null,
	started_at timestamptz not null default now(),
	finished_at timestamptz,
	error text
);
create index import_runs_source_idx on import_runs (source, started_at desc);

-- Rows that could not be imported, with their reasons, so the data owner can fix and re-import them.
create table quarantined_rows (
	id bigint generated always as identity primary key,
	run_id bigint not null references import_runs (id),
	source text not null check (source in ('panrb', 'kemendagri', 'lan')),
	external_id text,
	row_number integer not null,
	raw jsonb not null,
	-- [{category, field?, message}]
	reasons jsonb not null,
	created_at timestamptz not null default now()
);
create index quarantined_rows_run_idx on quarantined_rows (run_id, row_number);
create index quarantined_rows_record_idx on quarantined_rows (source, external_id);

-- The previous content of a source record each time a newer version replaced it.
create table source_record_versions (
	id bigint generated always as identity primary key,
	source_record_id bigint not null references source_records (id),
	record_version integer not null,
	raw jsonb not null,
	mapped jsonb not null,
	replaced_at timestamptz not null default now(),
	unique (source_record_id, record_version)
);

-- Blocking keys of each source record (agency, region, short name, uncommon title words), so that
-- candidates for a new record are looked up by key instead of comparing against every record.
create table source_record_block_keys (
	source_record_id bigint not null references source_records (id),
	key text not null,
	primary key (key, source_record_id)
);
create index source_record_block_keys_record_idx on source_record_block_keys (source_record_id);

-- Pairs of source records in the grey zone, for a curator to confirm or reject.
create table match_reviews (
	id bigint generated always as identity primary key,
	source_record_a bigint not null references source_records (id),
	source_record_b bigint not null references source_records (id),
	score numeric not null,
	reasons jsonb not null default '[]',
	status text not null default 'open' check (status in ('open', 'confirmed', 'rejected')),
	decided_by text,
	decided_at timestamptz,
	created_at timestamptz not null default now(),
	unique (source_record_a, source_record_b)
);
create index match_reviews_status_idx on match_reviews (status, score desc);
