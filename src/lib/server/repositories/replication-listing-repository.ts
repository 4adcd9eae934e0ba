import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

/**
 * Replications an agency gave (its innovations replicated elsewhere) or received (innovations it
 * replicates), newest activity first, with the other agency's name. The caller filters what the
 * reader may see (public: completed only).
 */
export function listAgencyReplications(db: Kysely<DB>, agencyId: string, side: 'given' | 'received', limit = 200) {
	const own = side === 'given' ? 'r.originator_agency_id' : 'r.replicator_agency_id';
	const other = side === 'given' ? 'r.replicator_agency_id' : 'r.originator_agency_id';
	return db
		.selectFrom('replications as r')
		.innerJoin('innovations as i', 'i.id', 'r.innovation_id')
		.innerJoin('agencies as a', 'a.id', other)
		.select([
			'r.id',
			'r.innovation_id',
			'i.title as innovation_title',
			'a.id as other_agency_id',
			'a.name as other_agency_name',
			'r.kind',
			'r.state',
			'r.updated_at',
			'r.originator_agency_id',
			'r.replicator_agency_id',
			'r.hub_id'
		])
		.where(own, '=', agencyId)
		.orderBy('r.updated_at', 'desc')
		.orderBy('r.id')
		.limit(limit)
		.execute();
}

export type AgencyReplicationRow = Awaited<ReturnType<typeof listAgencyReplications>>[number];

/**
 * The agencies replicating one innovation, for "Direplikasi oleh" and its map: kind, state, the
 * agency's region and the region's centroid (region_characteristics; null for central agencies
 * and regions without figures). The caller filters what the reader may see.
 */
export function listInnovationReplications(db: Kysely<DB>, innovationId: string) {
	return db
		.selectFrom('replications as r')
		.innerJoin('agencies as a', 'a.id', 'r.replicator_agency_id')
		.leftJoin('regions as g', 'g.code', 'a.region_code')
		.leftJoin('region_characteristics as c', 'c.region_code', 'a.region_code')
		.select([
			'r.id',
			'r.replicator_agency_id as agency_id',
			'a.name as agency_name',
			'r.kind',
			'r.state',
			'r.completed_at',
			'r.updated_at',
			'a.region_code',
			'g.name as region_name',
			'c.latitude',
			'c.longitude',
			'r.originator_agency_id',
			'r.replicator_agency_id',
			'r.hub_id'
		])
		.where('r.innovation_id', '=', innovationId)
		.orderBy(sql`r.state = 'selesai'`, 'desc')
		.orderBy('r.updated_at', 'desc')
		.orderBy('r.id')
		.execute();
}

export type InnovationReplicationRow = Awaited<ReturnType<typeof listInnovationReplications>>[number];
