-- Background jobs (imports started from the web) and what a killed import leaves behind.
-- A worker claims the oldest queued job with FOR UPDATE SKIP LOCKED, so several workers (one per
-- server process) never take the same job; while it works it refreshes heartbeat_at. A running
-- job whose heartbeat is old (or whose process is gone) is re-queued, and its import run is
-- marked 'interrupted': the importer is idempotent per record, so the rerun completes the work.
create table jobs (
	id bigint generated always as identity primary key,
	kind text not null check (kind in ('import')),
	status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
	-- import: {source, fileName, storedName, checksum, size, mapping}
	payload jsonb not null,
	actor text not null,
	attempts integer not null default 0,
	max_attempts integer not null default 3,
	-- host:pid:nonce of the worker holding it
	locked_by text,
	locked_at timestamptz,
	heartbeat_at timestamptz,
	created_at timestamptz not null default now(),
	finished_at timestamptz,
	error text
);
create index jobs_queued_idx on jobs (kind, id) where status = 'queued';
create index jobs_running_idx on jobs (heartbeat_at) where status = 'running';

alter table import_runs drop constraint import_runs_status_check;
alter table import_runs add constraint import_runs_status_check
	check (status in ('running', 'succeeded', 'partly', 'failed', 'interrupted'));
-- The job that ran the import (null for `jippnas import`); an interrupted job has several runs.
alter table import_runs add column job_id bigint references jobs (id);
-- Moves with every write to the run (the importer updates counts after each batch), so a run
-- that stopped moving can be told from one that is slow, even without a job (the CLI).
alter table import_runs add column updated_at timestamptz not null default now();
create index import_runs_job_idx on import_runs (job_id);
create index import_runs_running_idx on import_runs (updated_at) where status = 'running';

create function import_runs_touch() returns trigger language plpgsql as $$
begin
	new.updated_at := now();
	return new;
end;
$$;
create trigger import_runs_touch before update on import_runs
	for each row execute function import_runs_touch();
