-- The registry: regions, agencies, hubs, innovations, awards, source records, users and
-- the append-only change history. Runs on PostgreSQL 15+ and on PGlite.

create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- Kemendagri regions. Codes keep their dots: '53', '53.09', '53.09.01'.
create table regions (
	code text primary key check (code ~ '^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2})?)?$'),
	name text not null,
	level text not null check (level in ('provinsi', 'kabupaten', 'kota', 'kecamatan')),
	parent_code text references regions (code),
	province_code text not null,
	created_at timestamptz not null default now()
);
create index regions_parent_idx on regions (parent_code);
create index regions_province_idx on regions (province_code, level);
create index regions_name_trgm_idx on regions using gin (lower(name) gin_trgm_ops);

-- Characteristics used to match innovations to regions (BPS and Kemendagri figures).
create table region_characteristics (
	region_code text primary key references regions (code),
	area_km2 numeric,
	population_male integer,
	population_female integer,
	population_total integer,
	density_per_km2 numeric,
	district_count integer,
	kelurahan_count integer,
	desa_count integer,
	regency_count integer,
	city_count integer,
	island_count integer,
	inhabited_island_count integer,
	outermost_island_count integer,
	latitude numeric,
	longitude numeric,
	hdi_2023 numeric,
	hdi_2024 numeric,
	poverty_rate_2023 numeric,
	poverty_rate_2024 numeric,
	source text not null,
	loaded_at timestamptz not null default now()
);

create table hubs (
	id text primary key,
	name text not null,
	kind text not null check (kind in ('pusat', 'daerah')),
	coordinator_agency_id text not null,
	region_code text references regions (code),
	description text not null default '',
	established_year integer,
	created_at timestamptz not null default now()
);

-- Ministries, agencies and regional governments. Ids are stable slugs ('kemenkes', 'pemkab-53.09').
create table agencies (
	id text primary key,
	name text not null,
	kind text not null check (kind in ('kementerian', 'lembaga', 'pemerintah_provinsi',
		'pemerintah_kabupaten', 'pemerintah_kota', 'bumn', 'bumd')),
	abbreviation text,
	aliases text[] not null default '{}',
	region_code text references regions (code),
	panrb_id text unique,
	website text,
	created_at timestamptz not null default now()
);
create unique index agencies_region_government_idx on agencies (region_code)
	where kind in ('pemerintah_provinsi', 'pemerintah_kabupaten', 'pemerintah_kota');
create index agencies_name_trgm_idx on agencies using gin (lower(name) gin_trgm_ops);
create index agencies_kind_idx on agencies (kind);

alter table hubs add constraint hubs_coordinator_fk
	foreign key (coordinator_agency_id) references agencies (id);

-- Spokes of a hub. An agency belongs to at most one hub at a time.
create table hub_members (
	hub_id text not null references hubs (id),
	agency_id text not null references agencies (id),
	joined_year integer,
	primary key (hub_id, agency_id)
);
create unique index hub_members_agency_idx on hub_members (agency_id);

-- Service units (UPP / OPD) inside an agency.
create table service_units (
	id bigint generated always as identity primary key,
	agency_id text not null references agencies (id),
	name text not null,
	abbreviation text,
	created_at timestamptz not null default now(),
	unique (agency_id, name)
);

-- Canonical innovations. Narrative fields follow PermenPANRB 91/2021 and the KIPP form.
create table innovations (
	id text primary key,
	title text not null check (length(btrim(title)) > 0),
	acronym text,
	agency_id text not null references agencies (id),
	service_unit_id bigint references service_units (id),
	region_code text references regions (code),
	year_started integer check (year_started between 1945 and 2100),
	started_on date,
	summary text not null default '',
	problem text not null default '',
	aims text not null default '',
	novelty text not null default '',
	implementation text not null default '',
	results text not null default '',
	transferability text not null default '',
	resources text not null default '',
	sustainability_strategy text not null default '',
	main_affair text,
	other_affairs text[] not null default '{}',
	sdgs integer[] not null default '{}',
	is_digital boolean,
	form text check (form in ('tata_kelola', 'pelayanan_publik', 'lainnya')),
	theme text,
	initiator_type text check (initiator_type in ('kepala_daerah', 'anggota_dprd', 'opd', 'asn', 'masyarakat')),
	initiator_name text,
	stage text not null default 'penciptaan' check (stage in ('penciptaan', 'pengembangan', 'pelembagaan')),
	sustainability_status text check (sustainability_status in ('berlanjut', 'berlanjut_dengan_pengembangan', 'berhenti')),
	status_verified_on date,
	regulation_ref text,
	budget_line text,
	sop_ref text,
	maturity_score numeric,
	video_url text,
	documents jsonb not null default '[]',
	contact_name text,
	contact_email text,
	contact_phone text,
	-- field name -> {source, externalId}: where each canonical value came from.
	provenance jsonb not null default '{}',
	version integer not null default 1,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	deleted_at timestamptz,
	deleted_by text,
	delete_reason text
);
create index innovations_agency_idx on innovations (agency_id) where deleted_at is null;
create index innovations_region_idx on innovations (region_code) where deleted_at is null;
create index innovations_stage_idx on innovations (stage) where deleted_at is null;
create index innovations_year_idx on innovations (year_started) where deleted_at is null;
create index innovations_affair_idx on innovations (main_affair) where deleted_at is null;
create index innovations_sdgs_idx on innovations using gin (sdgs);
create index innovations_created_idx on innovations (created_at desc, id) where deleted_at is null;
create index innovations_title_trgm_idx on innovations using gin (lower(title) gin_trgm_ops);

create table awards (
	id bigint generated always as identity primary key,
	innovation_id text not null references innovations (id),
	programme text not null check (programme in ('KIPP', 'IGA', 'PKRI', 'LAINNYA')),
	year integer not null check (year between 2000 and 2100),
	level text not null,
	category text,
	created_at timestamptz not null default now()
);
create index awards_innovation_idx on awards (innovation_id);
create index awards_programme_idx on awards (programme, year);

-- One record as a source delivered it, kept verbatim, and the innovation it is linked to.
create table source_records (
	id bigint generated always as identity primary key,
	source text not null check (source in ('panrb', 'kemendagri', 'lan')),
	external_id text not null,
	innovation_id text references innovations (id),
	raw jsonb not null,
	mapped jsonb not null default '{}',
	record_version integer not null default 1,
	match_score numeric,
	match_reasons jsonb not null default '[]',
	imported_at timestamptz not null default now(),
	unique (source, external_id)
);
create index source_records_innovation_idx on source_records (innovation_id);

create table users (
	id text primary key,
	email text not null,
	name text not null,
	role text not null check (role in ('admin', 'kurator', 'koordinator_hub', 'operator')),
	agency_id text references agencies (id),
	hub_id text references hubs (id),
	password_hash text,
	created_at timestamptz not null default now(),
	disabled_at timestamptz
);
create unique index users_email_idx on users (lower(email));

-- Append-only history of every change: who, when, what changed, and the whole record after.
create table change_history (
	id bigint generated always as identity primary key,
	entity_type text not null,
	entity_id text not null,
	version integer,
	action text not null check (action in ('create', 'update', 'delete', 'restore', 'import', 'seed')),
	actor text not null,
	changes jsonb not null default '{}',
	snapshot jsonb,
	reason text,
	changed_at timestamptz not null default now()
);
create index change_history_entity_idx on change_history (entity_type, entity_id, id);

create function change_history_is_append_only() returns trigger language plpgsql as $$
begin
	raise exception 'change_history hanya boleh ditambah, tidak boleh diubah atau dihapus';
end;
$$;
create trigger change_history_append_only before update or delete on change_history
	for each statement execute function change_history_is_append_only();
