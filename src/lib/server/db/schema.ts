import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Column types of the tables in migrations/, kept by hand beside them. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type RegionLevel = 'provinsi' | 'kabupaten' | 'kota' | 'kecamatan';

export interface RegionsTable {
	code: string;
	name: string;
	level: RegionLevel;
	parent_code: string | null;
	province_code: string;
	created_at: CreatedAt;
}

export interface RegionCharacteristicsTable {
	region_code: string;
	area_km2: number | null;
	population_male: number | null;
	population_female: number | null;
	population_total: number | null;
	density_per_km2: number | null;
	district_count: number | null;
	kelurahan_count: number | null;
	desa_count: number | null;
	regency_count: number | null;
	city_count: number | null;
	island_count: number | null;
	inhabited_island_count: number | null;
	outermost_island_count: number | null;
	latitude: number | null;
	longitude: number | null;
	hdi_2023: number | null;
	hdi_2024: number | null;
	poverty_rate_2023: number | null;
	poverty_rate_2024: number | null;
	source: string;
	loaded_at: Timestamp;
}

export type AgencyKind =
	| 'kementerian'
	| 'lembaga'
	| 'pemerintah_provinsi'
	| 'pemerintah_kabupaten'
	| 'pemerintah_kota'
	| 'bumn'
	| 'bumd';

export interface AgenciesTable {
	id: string;
	name: string;
	kind: AgencyKind;
	abbreviation: string | null;
	aliases: ColumnType<string[], string[] | undefined, string[]>;
	region_code: string | null;
	panrb_id: string | null;
	website: string | null;
	created_at: CreatedAt;
}

export type HubKind = 'pusat' | 'daerah';

export interface HubsTable {
	id: string;
	name: string;
	kind: HubKind;
	coordinator_agency_id: string;
	region_code: string | null;
	description: ColumnType<string, string | undefined, string>;
	established_year: number | null;
	created_at: CreatedAt;
}

export interface HubMembersTable {
	hub_id: string;
	agency_id: string;
	joined_year: number | null;
}

export interface ServiceUnitsTable {
	id: Generated<number>;
	agency_id: string;
	name: string;
	abbreviation: string | null;
	created_at: CreatedAt;
}

export type Stage = 'penciptaan' | 'pengembangan' | 'pelembagaan';
export type InnovationForm = 'tata_kelola' | 'pelayanan_publik' | 'lainnya';
export type InitiatorType = 'kepala_daerah' | 'anggota_dprd' | 'opd' | 'asn' | 'masyarakat';
export type SustainabilityStatus = 'berlanjut' | 'berlanjut_dengan_pengembangan' | 'berhenti';
export type SourceKey = 'panrb' | 'kemendagri' | 'lan';

export interface InnovationDocument {
	title: string;
	url: string;
}

export interface FieldProvenance {
	source: SourceKey | 'manual';
	externalId?: string;
}

export interface InnovationsTable {
	id: string;
	title: string;
	acronym: string | null;
	agency_id: string;
	service_unit_id: number | null;
	region_code: string | null;
	/** Generated from region_code (first two digits). */
	province_code: ColumnType<string | null, never, never>;
	year_started: number | null;
	started_on: string | null;
	summary: ColumnType<string, string | undefined, string>;
	problem: ColumnType<string, string | undefined, string>;
	aims: ColumnType<string, string | undefined, string>;
	novelty: ColumnType<string, string | undefined, string>;
	implementation: ColumnType<string, string | undefined, string>;
	results: ColumnType<string, string | undefined, string>;
	transferability: ColumnType<string, string | undefined, string>;
	resources: ColumnType<string, string | undefined, string>;
	sustainability_strategy: ColumnType<string, string | undefined, string>;
	main_affair: string | null;
	other_affairs: ColumnType<string[], string[] | undefined, string[]>;
	sdgs: ColumnType<number[], number[] | undefined, number[]>;
	is_digital: boolean | null;
	form: InnovationForm | null;
	theme: string | null;
	initiator_type: InitiatorType | null;
	initiator_name: string | null;
	stage: ColumnType<Stage, Stage | undefined, Stage>;
	sustainability_status: SustainabilityStatus | null;
	status_verified_on: string | null;
	regulation_ref: string | null;
	budget_line: string | null;
	sop_ref: string | null;
	maturity_score: number | null;
	video_url: string | null;
	documents: ColumnType<InnovationDocument[], string | undefined, string>;
	contact_name: string | null;
	contact_email: string | null;
	contact_phone: string | null;
	provenance: ColumnType<Record<string, FieldProvenance>, string | undefined, string>;
	version: ColumnType<number, number | undefined, number>;
	/** 0009: next value of innovations_search_seq on every insert/update (bigint, read as text). */
	search_seq: ColumnType<string, never, never>;
	/** 0009: times replicated (0 until the replication workflow maintains it). */
	replication_count: ColumnType<number, number | undefined, number>;
	created_at: CreatedAt;
	updated_at: Timestamp;
	deleted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
	deleted_by: string | null;
	delete_reason: string | null;
}

export type AwardProgramme = 'KIPP' | 'IGA' | 'PKRI' | 'LAINNYA';

export interface AwardsTable {
	id: Generated<number>;
	innovation_id: string;
	programme: AwardProgramme;
	year: number;
	level: string;
	category: string | null;
	created_at: CreatedAt;
}

export interface SourceRecordsTable {
	id: Generated<number>;
	source: SourceKey;
	external_id: string;
	innovation_id: string | null;
	raw: Json<Record<string, unknown>>;
	mapped: ColumnType<Record<string, unknown>, string | undefined, string>;
	record_version: ColumnType<number, number | undefined, number>;
	match_score: number | null;
	match_reasons: ColumnType<unknown[], string | undefined, string>;
	/** What duplicate detection needs of the record (0014, domain/import/stored-record.ts); null before. */
	match_features: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
	imported_at: Timestamp;
}

export type UserRole = 'admin' | 'kurator' | 'koordinator_hub' | 'operator';

export interface UsersTable {
	id: string;
	email: string;
	name: string;
	role: UserRole;
	agency_id: string | null;
	hub_id: string | null;
	password_hash: string | null;
	created_at: CreatedAt;
	disabled_at: Date | null;
	password_changed_at: Timestamp | null;
	last_sign_in_at: Timestamp | null;
	invited_by: string | null;
	updated_at: Timestamp;
}

export interface SessionsTable {
	/** SHA-256 (hex) of the cookie token. */
	id: string;
	user_id: string;
	csrf_token: string;
	created_at: CreatedAt;
	last_seen_at: Timestamp;
	expires_at: Timestamp;
	user_agent: string | null;
	address: string | null;
}

export type LoginOutcome = 'success' | 'failure' | 'reset';

export interface LoginAttemptsTable {
	id: Generated<number>;
	email: string;
	address: string;
	outcome: LoginOutcome;
	attempted_at: Timestamp;
}

export type PasswordTokenPurpose = 'reset' | 'invite';

export interface PasswordTokensTable {
	/** SHA-256 (hex) of the token in the link. */
	id: string;
	user_id: string;
	purpose: PasswordTokenPurpose;
	created_at: CreatedAt;
	expires_at: Timestamp;
	used_at: Timestamp | null;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'held';

export interface OutboxTable {
	id: Generated<number>;
	to_address: string;
	subject: string;
	body: string;
	status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
	error: string | null;
	created_at: CreatedAt;
	sent_at: Timestamp | null;
}

export type ChangeAction = 'create' | 'update' | 'delete' | 'restore' | 'import' | 'seed';

export interface ChangeHistoryTable {
	id: Generated<number>;
	entity_type: string;
	entity_id: string;
	version: number | null;
	action: ChangeAction;
	actor: string;
	changes: ColumnType<Record<string, { from: unknown; to: unknown }>, string | undefined, never>;
	snapshot: ColumnType<Record<string, unknown> | null, string | null | undefined, never>;
	reason: string | null;
	changed_at: CreatedAt;
}

export interface SchemaMigrationsTable {
	name: string;
	checksum: string;
	applied_at: CreatedAt;
}

/** 'interrupted': the process stopped mid-run (migrations/0008); its job reruns the file. */
export type ImportRunStatus = 'running' | 'succeeded' | 'partly' | 'failed' | 'interrupted';

export interface ImportCounts {
	read: number;
	inserted: number;
	updated: number;
	unchanged: number;
	linked: number;
	review: number;
	rejected: number;
	skippedEmpty: number;
}

export interface ImportRunsTable {
	id: Generated<number>;
	source: SourceKey;
	file_name: string;
	checksum: string;
	status: ColumnType<ImportRunStatus, ImportRunStatus | undefined, ImportRunStatus>;
	counts: ColumnType<ImportCounts, string | undefined, string>;
	actor: string;
	started_at: CreatedAt;
	finished_at: Timestamp | null;
	error: string | null;
	job_id: ColumnType<number | null, number | null | undefined, number | null>;
	/** Set by a trigger on every update. */
	updated_at: ColumnType<Date, never, never>;
}

export type JobKind = 'import';
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobsTable {
	id: Generated<number>;
	kind: JobKind;
	status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
	payload: Json<Record<string, unknown>>;
	actor: string;
	attempts: ColumnType<number, number | undefined, number>;
	max_attempts: ColumnType<number, number | undefined, number>;
	locked_by: string | null;
	locked_at: Timestamp | null;
	heartbeat_at: Timestamp | null;
	created_at: CreatedAt;
	finished_at: Timestamp | null;
	error: string | null;
}

export interface QuarantineReason {
	category: string;
	field?: string;
	message: string;
}

export interface QuarantinedRowsTable {
	id: Generated<number>;
	run_id: number;
	source: SourceKey;
	external_id: string | null;
	row_number: number;
	raw: Json<Record<string, unknown>>;
	reasons: Json<QuarantineReason[]>;
	created_at: CreatedAt;
}

export interface SourceRecordVersionsTable {
	id: Generated<number>;
	source_record_id: number;
	record_version: number;
	raw: Json<Record<string, unknown>>;
	mapped: Json<Record<string, unknown>>;
	replaced_at: CreatedAt;
}

export interface SourceRecordBlockKeysTable {
	source_record_id: number;
	key: string;
}

export type MatchReviewStatus = 'open' | 'confirmed' | 'rejected';

export interface MatchReviewsTable {
	id: Generated<number>;
	source_record_a: number;
	source_record_b: number;
	score: number;
	reasons: ColumnType<unknown[], string | undefined, string>;
	status: ColumnType<MatchReviewStatus, MatchReviewStatus | undefined, MatchReviewStatus>;
	decided_by: string | null;
	decided_at: Timestamp | null;
	created_at: CreatedAt;
}

export type SourceSyncStatus = 'running' | 'succeeded' | 'failed';

export interface SourceSyncsTable {
	id: Generated<number>;
	source: SourceKey;
	base_url: string;
	since: Date | null;
	status: ColumnType<SourceSyncStatus, SourceSyncStatus | undefined, SourceSyncStatus>;
	per_page: number;
	pages_fetched: ColumnType<number, number | undefined, number>;
	last_page: number | null;
	total: number | null;
	records_fetched: ColumnType<number, number | undefined, number>;
	staged_file: string | null;
	staged_bytes: ColumnType<number, number | undefined, number>;
	import_run_id: number | null;
	actor: string;
	started_at: CreatedAt;
	finished_at: Timestamp | null;
	error: string | null;
}

export type MatchDecisionKind = 'confirm' | 'reject' | 'merge' | 'split';

export interface MatchDecisionsTable {
	id: Generated<number>;
	kind: MatchDecisionKind;
	review_id: number | null;
	target_innovation_id: string | null;
	source_innovation_id: string | null;
	innovation_ids: ColumnType<string[], string[] | undefined, string[]>;
	/** What the decision moved and the state before it (domain/curation/match-decisions.ts). */
	state: ColumnType<unknown, string | undefined, string>;
	actor: string;
	reason: string | null;
	created_at: CreatedAt;
	undone_at: Timestamp | null;
	undone_by: string | null;
	undo_reason: string | null;
}

export interface AgencyResolutionsTable {
	id: Generated<number>;
	written_name: string;
	name_key: string;
	source: SourceKey | null;
	agency_id: string;
	alias_added: boolean;
	quarantined_count: ColumnType<number, number | undefined, number>;
	reimport_run_id: number | null;
	actor: string;
	reason: string | null;
	created_at: CreatedAt;
}

/** 0009: abbreviations and synonyms for search, both ways; soft-deleted. */
export interface SearchSynonymsTable {
	id: Generated<number>;
	term: string;
	expansion: string;
	source: ColumnType<'csv' | 'admin', 'csv' | 'admin' | undefined, 'csv' | 'admin'>;
	note: string | null;
	created_by: string | null;
	created_at: CreatedAt;
	updated_at: Timestamp;
	deleted_at: Timestamp | null;
	deleted_by: string | null;
}

/** 0011: replication and scale-up (Pedoman MenPANRB 6/2024). Dates (`date`) arrive as 'YYYY-MM-DD'. */
export type ReplicationKind = 'penuh' | 'sebagian' | 'perluasan';
export type ReplicationState =
	| 'minat'
	| 'diverifikasi'
	| 'ditolak'
	| 'kesepakatan'
	| 'persiapan'
	| 'implementasi'
	| 'pemantauan'
	| 'selesai'
	| 'dihentikan'
	| 'dibatalkan';
/** The part a person plays in one replication. */
export type ReplicationPart = 'replikator' | 'inovator' | 'fasilitator' | 'sistem';
export type ReplicationDocumentKind =
	| 'surat_minat'
	| 'kesepakatan_ditandatangani'
	| 'rencana_adaptasi'
	| 'surat_komitmen'
	| 'laporan_pemantauan'
	| 'lainnya';
export type UploadMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

export interface ReplicationsTable {
	id: string;
	innovation_id: string;
	originator_agency_id: string;
	replicator_agency_id: string;
	hub_id: string | null;
	kind: ReplicationKind;
	state: ColumnType<ReplicationState, ReplicationState | undefined, ReplicationState>;
	interest_scope: string;
	interest_reason: string;
	verified_at: Timestamp | null;
	verified_by: string | null;
	accepted_at: Timestamp | null;
	accepted_by: string | null;
	agreement_number: string | null;
	agreement_duties_originator: string | null;
	agreement_duties_replicator: string | null;
	agreement_valid_from: string | null;
	agreement_valid_until: string | null;
	agreement_confirmed_by_originator_at: Timestamp | null;
	agreement_confirmed_by_originator: string | null;
	agreement_confirmed_by_replicator_at: Timestamp | null;
	agreement_confirmed_by_replicator: string | null;
	plan_changes: string | null;
	plan_team: string | null;
	plan_budget_rupiah: number | null;
	plan_target_date: string | null;
	implementation_started_on: string | null;
	monitoring_interval_months: ColumnType<number, number | undefined, number>;
	next_report_due_on: string | null;
	certificate_number: string | null;
	completed_at: Timestamp | null;
	closed_reason: string | null;
	closed_at: Timestamp | null;
	created_by: string;
	created_at: CreatedAt;
	updated_at: Timestamp;
	version: ColumnType<number, number | undefined, number>;
}

export interface ReplicationEventsTable {
	id: Generated<number>;
	replication_id: string;
	kind: string;
	from_state: ReplicationState | null;
	to_state: ReplicationState | null;
	actor: string;
	actor_part: ReplicationPart;
	note: string | null;
	payload: ColumnType<Record<string, unknown>, string | undefined, string>;
	created_at: CreatedAt;
}

export interface ReplicationDocumentsTable {
	id: string;
	replication_id: string;
	kind: ReplicationDocumentKind;
	file_name: string;
	media_type: UploadMediaType;
	size_bytes: number;
	sha256: string;
	storage_path: string;
	report_id: number | null;
	uploaded_by: string;
	uploaded_at: CreatedAt;
	removed_at: Timestamp | null;
	removed_by: string | null;
}

export interface ReplicationReportsTable {
	id: Generated<number>;
	replication_id: string;
	period_start: string;
	period_end: string;
	outcomes: string;
	lessons: string;
	filed_by: string;
	filed_at: CreatedAt;
}

export interface ReplicationMessagesTable {
	id: Generated<number>;
	replication_id: string;
	author: string;
	body: string;
	created_at: CreatedAt;
}

export interface NotificationsTable {
	id: Generated<number>;
	user_id: string;
	replication_id: string | null;
	kind: string;
	title: string;
	body: string;
	link: string;
	created_at: CreatedAt;
	read_at: Timestamp | null;
}

export interface ReplicationRemindersTable {
	id: Generated<number>;
	replication_id: string;
	kind: string;
	due_on: string;
	sent_at: CreatedAt;
}

/** 0012: outlines and centroids for server-drawn maps (loaded by `jippnas load-boundaries`). */
export type BoundaryLevel = 'provinsi' | 'kabupaten_kota';

export interface RegionBoundariesTable {
	code: string;
	level: BoundaryLevel;
	name: string;
	/** GeoJSON Polygon or MultiPolygon (longitude, latitude). */
	geometry: ColumnType<GeoJsonPolygonal, string, string>;
	source: string;
	loaded_at: Timestamp;
}

export type GeoJsonPolygonal =
	| { type: 'Polygon'; coordinates: number[][][] }
	| { type: 'MultiPolygon'; coordinates: number[][][][] };

export interface RegionCentroidsTable {
	code: string;
	name: string;
	latitude: number;
	longitude: number;
	source: string;
	loaded_at: Timestamp;
}

export interface DB {
	regions: RegionsTable;
	region_characteristics: RegionCharacteristicsTable;
	agencies: AgenciesTable;
	hubs: HubsTable;
	hub_members: HubMembersTable;
	service_units: ServiceUnitsTable;
	innovations: InnovationsTable;
	awards: AwardsTable;
	source_records: SourceRecordsTable;
	users: UsersTable;
	sessions: SessionsTable;
	login_attempts: LoginAttemptsTable;
	password_tokens: PasswordTokensTable;
	outbox: OutboxTable;
	change_history: ChangeHistoryTable;
	schema_migrations: SchemaMigrationsTable;
	import_runs: ImportRunsTable;
	jobs: JobsTable;
	quarantined_rows: QuarantinedRowsTable;
	source_record_versions: SourceRecordVersionsTable;
	source_record_block_keys: SourceRecordBlockKeysTable;
	match_reviews: MatchReviewsTable;
	match_decisions: MatchDecisionsTable;
	agency_resolutions: AgencyResolutionsTable;
	source_syncs: SourceSyncsTable;
	search_synonyms: SearchSynonymsTable;
	replications: ReplicationsTable;
	replication_events: ReplicationEventsTable;
	replication_documents: ReplicationDocumentsTable;
	replication_reports: ReplicationReportsTable;
	replication_messages: ReplicationMessagesTable;
	notifications: NotificationsTable;
	replication_reminders: ReplicationRemindersTable;
	region_boundaries: RegionBoundariesTable;
	region_centroids: RegionCentroidsTable;
}

export type Region = Selectable<RegionsTable>;
export type Agency = Selectable<AgenciesTable>;
export type Hub = Selectable<HubsTable>;
export type InnovationRow = Selectable<InnovationsTable>;
export type NewInnovationRow = Insertable<InnovationsTable>;
export type InnovationUpdate = Updateable<InnovationsTable>;
export type AwardRow = Selectable<AwardsTable>;
export type RegionCharacteristicsRow = Selectable<RegionCharacteristicsTable>;
