-- Curation of duplicates and agencies: every curator decision on links between source records and
-- innovations (confirm or reject a review pair, merge two innovations, split a record out), with
-- what it moved so that it can be undone exactly, and agency names a curator mapped by hand.

create table match_decisions (
	id bigint generated always as identity primary key,
	kind text not null check (kind in ('confirm', 'reject', 'merge', 'split')),
	review_id bigint references match_reviews (id),
	-- The innovation that keeps (merge) or receives (split) the records, and the one they left.
	target_innovation_id text references innovations (id),
	source_innovation_id text references innovations (id),
	-- Every innovation the decision changed; a later decision touching one of them depends on it.
	innovation_ids text[] not null default '{}',
	-- {moves: [{sourceRecordId, from, to, before: {score, reasons}, after: {score, reasons}}],
	--  awards: [{awardId, from, to}], before: [innovation snapshot], afterVersions: {id: version},
	--  created: innovation id | null, deleted: innovation id | null}
	state jsonb not null default '{}',
	actor text not null,
	reason text,
	created_at timestamptz not null default now(),
	undone_at timestamptz,
	undone_by text,
	undo_reason text
);
create index match_decisions_created_idx on match_decisions (created_at desc, id desc);
create index match_decisions_innovations_idx on match_decisions using gin (innovation_ids);
create index match_decisions_review_idx on match_decisions (review_id);

-- Agency names the resolver did not know, mapped to an agency by a curator. The name becomes an
-- alias of the agency, so the next import of the same name resolves it.
create table agency_resolutions (
	id bigint generated always as identity primary key,
	-- The name as the source wrote it, and its comparison key (folded, short forms expanded).
	written_name text not null,
	name_key text not null unique,
	source text check (source in ('panrb', 'kemendagri', 'lan')),
	agency_id text not null references agencies (id),
	-- False when the agency already had this alias (nothing was added).
	alias_added boolean not null,
	-- Quarantined rows of this name at the time, and the import run that re-processed them.
	quarantined_count integer not null default 0,
	reimport_run_id bigint references import_runs (id),
	actor text not null,
	reason text,
	created_at timestamptz not null default now()
);
create index agency_resolutions_agency_idx on agency_resolutions (agency_id);

-- Quarantined rows by reason category (the curator queue of unknown agencies).
create index quarantined_rows_reasons_idx on quarantined_rows using gin (reasons jsonb_path_ops);
