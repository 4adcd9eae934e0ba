import type { Insertable, Kysely } from 'kysely';
import type {
	AwardProgramme,
	DB,
	FieldProvenance,
	HubKind,
	InnovationDocument,
	InnovationRow,
	InnovationsTable,
	SourceKey
} from '../../src/lib/server/db/schema';
import { clearReadCaches } from '../../src/lib/server/read-cache';
import { innovationId } from '../../src/lib/server/domain/ids';
import { insertInnovation } from '../../src/lib/server/repositories/innovation-repository';

/**
 * Test data that each test file creates for itself. Reference data (regions, the 552 regional
 * governments such as 'pemkab-53.09', central agencies such as 'kemenkes') is already loaded by
 * createTestDatabase; these add innovations and hubs on top with valid defaults and unique ids.
 */

export interface AwardInput {
	programme: AwardProgramme;
	year: number;
	level: string;
	category?: string | null;
}

export interface SourceRecordInput {
	source: SourceKey;
	/** Unique per source; derived from the innovation id when absent. */
	externalId?: string;
	raw?: Record<string, unknown>;
	matchScore?: number | null;
	matchReasons?: unknown[];
}

export type InnovationOverrides = Partial<Omit<Insertable<InnovationsTable>, 'documents' | 'provenance'>> & {
	documents?: InnovationDocument[];
	provenance?: Record<string, FieldProvenance>;
	awards?: AwardInput[];
	sources?: SourceRecordInput[];
};

const DEFAULT_AGENCY = 'pemkab-53.09';

/**
 * Inserts a live innovation (agency pemkab-53.09, region 53.09 unless overridden) and its
 * awards and source records; returns the stored row. With another agency and no region given,
 * the region is the agency's own (null for central agencies).
 */
export async function createInnovation(db: Kysely<DB>, overrides: InnovationOverrides = {}): Promise<InnovationRow> {
	const { awards = [], sources = [], documents, provenance, ...columns } = overrides;
	const id = columns.id ?? innovationId();
	const agencyId = columns.agency_id ?? DEFAULT_AGENCY;
	const regionCode =
		'region_code' in columns
			? columns.region_code
			: (
					await db.selectFrom('agencies').select('region_code').where('id', '=', agencyId).executeTakeFirstOrThrow()
				).region_code;
	await insertInnovation(db, {
		title: `Inovasi Uji ${id}`,
		summary: 'Layanan jemput bola untuk warga di desa terpencil.',
		problem: 'Warga harus menempuh perjalanan jauh untuk mengurus layanan.',
		year_started: 2022,
		stage: 'penciptaan',
		main_affair: 'kesehatan',
		sdgs: [3],
		is_digital: true,
		...columns,
		id,
		agency_id: agencyId,
		region_code: regionCode,
		...(documents ? { documents: JSON.stringify(documents) } : {}),
		...(provenance ? { provenance: JSON.stringify(provenance) } : {})
	});
	if (awards.length > 0) {
		await db
			.insertInto('awards')
			.values(awards.map((a) => ({ innovation_id: id, programme: a.programme, year: a.year, level: a.level, category: a.category ?? null })))
			.execute();
	}
	for (const [i, s] of sources.entries()) {
		await db
			.insertInto('source_records')
			.values({
				source: s.source,
				external_id: s.externalId ?? `${id}-${i + 1}`,
				innovation_id: id,
				raw: JSON.stringify(s.raw ?? { judul: columns.title ?? `Inovasi Uji ${id}` }),
				match_score: s.matchScore ?? null,
				match_reasons: JSON.stringify(s.matchReasons ?? [])
			})
			.execute();
	}
	// Written like a service would: cached counts and figures must see it.
	clearReadCaches(db);
	return db.selectFrom('innovations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export interface HubOverrides {
	id?: string;
	name?: string;
	kind?: HubKind;
	coordinatorAgencyId?: string;
	regionCode?: string | null;
	description?: string;
	establishedYear?: number | null;
	/** Spoke agencies; an agency can be in one hub only. */
	members?: Array<string | { agencyId: string; joinedYear?: number | null }>;
}

export interface CreatedHub {
	id: string;
	name: string;
	kind: HubKind;
	coordinatorAgencyId: string;
	regionCode: string | null;
	memberIds: string[];
}

let hubSequence = 0;

/** Inserts a hub (a regional hub coordinated by pemprov-53 unless overridden) and its members. */
export async function createHub(db: Kysely<DB>, overrides: HubOverrides = {}): Promise<CreatedHub> {
	hubSequence += 1;
	const kind = overrides.kind ?? 'daerah';
	const hub: CreatedHub = {
		id: overrides.id ?? `hub-uji-${hubSequence}-${innovationId().slice(4, 10)}`,
		name: overrides.name ?? `Hub Inovasi Uji ${hubSequence}`,
		kind,
		coordinatorAgencyId: overrides.coordinatorAgencyId ?? (kind === 'daerah' ? 'pemprov-53' : 'kemenpanrb'),
		regionCode: overrides.regionCode !== undefined ? overrides.regionCode : kind === 'daerah' ? '53' : null,
		memberIds: []
	};
	await db
		.insertInto('hubs')
		.values({
			id: hub.id,
			name: hub.name,
			kind: hub.kind,
			coordinator_agency_id: hub.coordinatorAgencyId,
			region_code: hub.regionCode,
			description: overrides.description ?? 'Hub inovasi untuk pengujian.',
			established_year: overrides.establishedYear === undefined ? 2021 : overrides.establishedYear
		})
		.execute();
	const members = (overrides.members ?? []).map((m) => (typeof m === 'string' ? { agencyId: m, joinedYear: 2022 } : m));
	if (members.length > 0) {
		await db
			.insertInto('hub_members')
			.values(members.map((m) => ({ hub_id: hub.id, agency_id: m.agencyId, joined_year: m.joinedYear ?? null })))
			.execute();
	}
	hub.memberIds = members.map((m) => m.agencyId);
	clearReadCaches(db);
	return hub;
}

export type ReplicationOverrides = Partial<Insertable<DB['replications']>> & {
	innovationId: string;
	replicatorAgencyId: string;
	/** users.id of the filer (created_by must be a user). */
	createdBy: string;
};

/**
 * Inserts a replication directly in any state (no events, no history), for tests of reading and
 * inboxes; the workflow's own tests go through the services. The originator is the innovation's
 * agency and the hub the replicator's hub, as filing sets them, unless overridden.
 */
export async function createReplication(db: Kysely<DB>, overrides: ReplicationOverrides) {
	const { innovationId: innovationOf, replicatorAgencyId, createdBy, ...columns } = overrides;
	const innovation = await db.selectFrom('innovations').select('agency_id').where('id', '=', innovationOf).executeTakeFirstOrThrow();
	const hub = await db.selectFrom('hub_members').select('hub_id').where('agency_id', '=', replicatorAgencyId).executeTakeFirst();
	const row = await db
		.insertInto('replications')
		.values({
			id: `rep-${innovationId().slice(4)}`,
			innovation_id: innovationOf,
			originator_agency_id: innovation.agency_id,
			replicator_agency_id: replicatorAgencyId,
			hub_id: hub?.hub_id ?? null,
			kind: 'penuh',
			interest_scope: 'Seluruh alur layanan jemput bola beserta aplikasinya.',
			interest_reason: 'Warga di desa kami menghadapi masalah jarak yang sama.',
			created_by: createdBy,
			...columns
		})
		.returningAll()
		.executeTakeFirstOrThrow();
	clearReadCaches(db);
	return row;
}

/** Inserts a replication document row (metadata only; no file on disk), as an upload would. */
export async function createReplicationDocument(
	db: Kysely<DB>,
	replicationId: string,
	kind: DB['replication_documents']['kind'],
	uploadedBy: string,
	overrides: { reportId?: number | null; removed?: boolean } = {}
) {
	const id = `doc-${innovationId().slice(4)}`;
	await db
		.insertInto('replication_documents')
		.values({
			id,
			replication_id: replicationId,
			kind,
			file_name: `${kind}.pdf`,
			media_type: 'application/pdf',
			size_bytes: 1234,
			sha256: 'a'.repeat(64),
			storage_path: `replications/${replicationId}/${id}.pdf`,
			report_id: overrides.reportId ?? null,
			uploaded_by: uploadedBy,
			...(overrides.removed ? { removed_at: new Date(), removed_by: uploadedBy } : {})
		})
		.execute();
	return id;
}
