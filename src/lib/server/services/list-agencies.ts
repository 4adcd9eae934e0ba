import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { listAgencies as findAgencies, type AgencyListQuery } from '../repositories/agency-repository';

export async function listAgencies(db: Kysely<DB>, query: AgencyListQuery) {
	const { items, total } = await findAgencies(db, query);
	return {
		items: items.map((a) => ({
			id: a.id,
			name: a.name,
			kind: a.kind,
			abbreviation: a.abbreviation,
			regionCode: a.region_code,
			panrbId: a.panrb_id
		})),
		total,
		limit: query.limit,
		offset: query.offset
	};
}
