-- Replication and scale-up (Pedoman MenPANRB 6/2024): an agency (replikator) adopts another
-- agency's (inovator) innovation, facilitated by the replicator's hub or the national admin
-- (fasilitator). One row per replication with the facts of each step; every step, upload,
-- message and reminder is also an event on its timeline. Nothing here is ever deleted:
-- documents are soft-removed, closed replications keep their reason.
create table replications (
	id text primary key,
	innovation_id text not null references innovations (id),
	-- the innovation's agency when the interest was filed (credited with the replication)
	originator_agency_id text not null references agencies (id),
	replicator_agency_id text not null references agencies (id),
	-- the replicator's hub when the interest was filed; null: the national admin facilitates
	hub_id text references hubs (id),
	kind text not null check (kind in ('penuh', 'sebagian', 'perluasan')),
	state text not null default 'minat' check (state in (
		'minat', 'diverifikasi', 'ditolak', 'kesepakatan', 'persiapan',
		'implementasi', 'pemantauan', 'selesai', 'dihentikan', 'dibatalkan')),
	-- 1. minat: what the replicator wants to reuse and why
	interest_scope text not null,
	interest_reason text not null,
	-- 2. the facilitator verifies and the originator accepts (either order); both -> diverifikasi
	verified_at timestamptz,
	verified_by text references users (id),
	accepted_at timestamptz,
	accepted_by text references users (id),
	-- 3. kesepakatan: the agreement (PIHAK PERTAMA = originator, PIHAK KEDUA = replicator)
	agreement_number text unique,
	agreement_duties_originator text,
	agreement_duties_replicator text,
	agreement_valid_from date,
	agreement_valid_until date,
	agreement_confirmed_by_originator_at timestamptz,
	agreement_confirmed_by_originator text references users (id),
	agreement_confirmed_by_replicator_at timestamptz,
	agreement_confirmed_by_replicator text references users (id),
	-- 4. persiapan: the adaptation plan
	plan_changes text,
	plan_team text,
	plan_budget_rupiah bigint check (plan_budget_rupiah >= 0),
	plan_target_date date,
	-- 5. implementasi
	implementation_started_on date,
	-- 6. pemantauan: a report is due every N months from the start of implementation
	monitoring_interval_months integer not null default 3 check (monitoring_interval_months between 1 and 12),
	next_report_due_on date,
	-- 7. selesai / ditolak / dihentikan / dibatalkan
	certificate_number text unique,
	completed_at timestamptz,
	closed_reason text,
	closed_at timestamptz,
	created_by text not null references users (id),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	-- optimistic concurrency, as for innovations: a form sends the version it was drawn from
	version integer not null default 1
);
create index replications_innovation_idx on replications (innovation_id, state);
create index replications_originator_idx on replications (originator_agency_id, updated_at desc);
create index replications_replicator_idx on replications (replicator_agency_id, updated_at desc);
create index replications_hub_idx on replications (hub_id, updated_at desc);
create index replications_state_idx on replications (state, updated_at desc);
create index replications_due_idx on replications (next_report_due_on) where state in ('implementasi', 'pemantauan');

-- The timeline: every state change, upload, report, message and reminder, with who and as what.
create table replication_events (
	id bigint generated always as identity primary key,
	replication_id text not null references replications (id),
	kind text not null,
	from_state text,
	to_state text,
	-- users.id, or 'system' for reminders
	actor text not null,
	-- the part the actor played: replikator, inovator, fasilitator, sistem
	actor_part text not null check (actor_part in ('replikator', 'inovator', 'fasilitator', 'sistem')),
	note text,
	payload jsonb not null default '{}',
	created_at timestamptz not null default now()
);
create index replication_events_replication_idx on replication_events (replication_id, id);

-- Uploaded files (PDF, JPEG, PNG checked by content), stored on disk under their SHA-256.
create table replication_documents (
	id text primary key,
	replication_id text not null references replications (id),
	kind text not null check (kind in (
		'surat_minat', 'kesepakatan_ditandatangani', 'rencana_adaptasi', 'surat_komitmen',
		'laporan_pemantauan', 'lainnya')),
	file_name text not null,
	media_type text not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png')),
	size_bytes integer not null check (size_bytes > 0),
	sha256 text not null,
	-- relative to FILES_DIR
	storage_path text not null,
	report_id bigint,
	uploaded_by text not null references users (id),
	uploaded_at timestamptz not null default now(),
	removed_at timestamptz,
	removed_by text references users (id)
);
create index replication_documents_replication_idx on replication_documents (replication_id, uploaded_at);

-- Periodic monitoring reports.
create table replication_reports (
	id bigint generated always as identity primary key,
	replication_id text not null references replications (id),
	period_start date not null,
	period_end date not null,
	outcomes text not null,
	lessons text not null,
	filed_by text not null references users (id),
	filed_at timestamptz not null default now(),
	check (period_end >= period_start)
);
create index replication_reports_replication_idx on replication_reports (replication_id, period_end);
alter table replication_documents add constraint replication_documents_report_fk
	foreign key (report_id) references replication_reports (id);

-- The message thread between the parties (and the facilitator).
create table replication_messages (
	id bigint generated always as identity primary key,
	replication_id text not null references replications (id),
	author text not null references users (id),
	body text not null check (length(body) between 1 and 4000),
	created_at timestamptz not null default now()
);
create index replication_messages_replication_idx on replication_messages (replication_id, id);

-- In-app notifications (each also sent by e-mail through the outbox).
create table notifications (
	id bigint generated always as identity primary key,
	user_id text not null references users (id),
	replication_id text references replications (id),
	kind text not null,
	title text not null,
	body text not null,
	link text not null,
	created_at timestamptz not null default now(),
	read_at timestamptz
);
create index notifications_user_idx on notifications (user_id, created_at desc);
create index notifications_unread_idx on notifications (user_id) where read_at is null;

-- Each reminder is sent once: (replication, kind, due date) is unique.
create table replication_reminders (
	id bigint generated always as identity primary key,
	replication_id text not null references replications (id),
	kind text not null,
	due_on date not null,
	sent_at timestamptz not null default now(),
	unique (replication_id, kind, due_on)
);
