import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** Live (not deleted) innovations: what an export contains. */
export async function countExportableInnovations(db: Kysely<DB>): Promise<number> {
	const row = await db
		.selectFrom('innovations')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('deleted_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/**
 * One keyset page of live innovations after `afterId`, ordered by id, with their agency and
 * province. Contact fields are deliberately not selected: they never leave through an export.
 */
export function listExportPage(db: Kysely<DB>, afterId: string | null, limit: number) {
	return db
		.selectFrom('innovations as i')
		.innerJoin('agencies as a', 'a.id', 'i.agency_id')
		.leftJoin('regions as r', 'r.code', 'i.region_code')
		.select([
			'i.id',
			'i.title',
			'i.acronym',
			'i.region_code',
			'r.province_code',
			'a.id as agency_id',
			'a.name as agency_name',
			'i.stage',
			'i.year_started',
			'i.main_affair',
			'i.sdgs',
			'i.is_digital',
			'i.updated_at'
		])
		.where('i.deleted_at', 'is', null)
		.$if(afterId !== null, (q) => q.where('i.id', '>', afterId!))
		.orderBy('i.id')
		.limit(limit)
		.execute();
}

/** The (source, external id) keys linked to each of the given innovations. */
export function listSourceKeysOf(db: Kysely<DB>, innovationIds: string[]) {
	if (innovationIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('source_records')
		.select(['innovation_id', 'source', 'external_id'])
		.where('innovation_id', 'in', innovationIds)
		.orderBy('innovation_id')
		.orderBy('source')
		.orderBy('external_id')
		.execute();
}
