import type { Insertable, Kysely } from 'kysely';
import type { AwardsTable, DB, InnovationsTable, SourceRecordsTable } from '../db/schema';
import type { DemoHub, DemoHubMember, DemoRegion } from '../domain/demo/hubs';
import type { DemoServiceUnit } from '../domain/demo/corpus-types';

/**
 * Bulk writes of the demo corpus. Multi-row inserts in chunks that stay well below
 * PostgreSQL's 65,535 bind parameters (innovations have 44 columns).
 */
const CHUNK = 500;

async function inChunks<T>(rows: readonly T[], size: number, write: (chunk: T[]) => Promise<void>): Promise<void> {
	for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** All innovations, deleted ones included: a registry with any of them is not empty. */
export async function countInnovations(db: Kysely<DB>): Promise<number> {
	const row = await db
		.selectFrom('innovations')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Provinces and kabupaten/kota, the regions whose governments demo innovations belong to. */
export function listDemoRegions(db: Kysely<DB>): Promise<DemoRegion[]> {
	return db
		.selectFrom('regions')
		.select(['code', 'name', 'level'])
		.where('level', 'in', ['provinsi', 'kabupaten', 'kota'])
		.orderBy('code')
		.execute() as Promise<DemoRegion[]>;
}

/** Inserts hubs and spokes that are not there yet; an agency already in a hub keeps it. */
export async function insertHubsIfMissing(
	db: Kysely<DB>,
	hubs: readonly DemoHub[],
	members: readonly DemoHubMember[]
): Promise<{ hubs: number; members: number }> {
	let hubCount = 0;
	let memberCount = 0;
	await inChunks(hubs, CHUNK, async (chunk) => {
		const result = await db
			.insertInto('hubs')
			.values(
				chunk.map((h) => ({
					id: h.id,
					name: h.name,
					kind: h.kind,
					coordinator_agency_id: h.coordinatorAgencyId,
					region_code: h.regionCode,
					description: h.description,
					established_year: h.establishedYear
				}))
			)
			.onConflict((oc) => oc.column('id').doNothing())
			.executeTakeFirst();
		hubCount += Number(result.numInsertedOrUpdatedRows ?? 0);
	});
	await inChunks(members, CHUNK, async (chunk) => {
		const result = await db
			.insertInto('hub_members')
			.values(chunk.map((m) => ({ hub_id: m.hubId, agency_id: m.agencyId, joined_year: m.joinedYear })))
			// Either constraint: the same pair, or the agency already being a spoke elsewhere.
			.onConflict((oc) => oc.doNothing())
			.executeTakeFirst();
		memberCount += Number(result.numInsertedOrUpdatedRows ?? 0);
	});
	return { hubs: hubCount, members: memberCount };
}

export const serviceUnitKey = (agencyId: string, name: string) => `${agencyId}\u0000${name}`;

/**
 * Creates the service units that do not exist yet and returns the ids of all the given ones,
 * keyed by serviceUnitKey.
 */
export async function ensureServiceUnits(
	db: Kysely<DB>,
	units: readonly DemoServiceUnit[]
): Promise<Map<string, number>> {
	const ids = new Map<string, number>();
	if (units.length === 0) return ids;
	await inChunks(units, CHUNK, async (chunk) => {
		await db
			.insertInto('service_units')
			.values(chunk.map((u) => ({ agency_id: u.agencyId, name: u.name, abbreviation: u.abbreviation })))
			.onConflict((oc) => oc.columns(['agency_id', 'name']).doNothing())
			.execute();
	});
	const wanted = new Set(units.map((u) => serviceUnitKey(u.agencyId, u.name)));
	const agencyIds = [...new Set(units.map((u) => u.agencyId))];
	await inChunks(agencyIds, CHUNK, async (chunk) => {
		const rows = await db
			.selectFrom('service_units')
			.select(['id', 'agency_id', 'name'])
			.where('agency_id', 'in', chunk)
			.execute();
		for (const row of rows) {
			const key = serviceUnitKey(row.agency_id, row.name);
			if (wanted.has(key)) ids.set(key, Number(row.id));
		}
	});
	return ids;
}

export async function insertInnovationRows(db: Kysely<DB>, rows: readonly Insertable<InnovationsTable>[]): Promise<void> {
	await inChunks(rows, CHUNK, async (chunk) => {
		await db.insertInto('innovations').values(chunk).execute();
	});
}

export async function insertAwardRows(db: Kysely<DB>, rows: readonly Insertable<AwardsTable>[]): Promise<void> {
	await inChunks(rows, CHUNK * 2, async (chunk) => {
		await db.insertInto('awards').values(chunk).execute();
	});
}

/**
 * Inserts source records; one whose (source, external id) is already registered is left as
 * it is, so demo data never overwrites an imported record. Returns how many were inserted.
 */
export async function insertSourceRecordRows(
	db: Kysely<DB>,
	rows: readonly Insertable<SourceRecordsTable>[]
): Promise<number> {
	let inserted = 0;
	await inChunks(rows, CHUNK, async (chunk) => {
		const result = await db
			.insertInto('source_records')
			.values(chunk)
			.onConflict((oc) => oc.columns(['source', 'external_id']).doNothing())
			.executeTakeFirst();
		inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
	});
	return inserted;
}
