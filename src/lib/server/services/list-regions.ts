import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { listRegions as findRegions, type RegionListQuery } from '../repositories/region-repository';

export async function listRegions(db: Kysely<DB>, query: RegionListQuery) {
	const { items, total } = await findRegions(db, query);
	return {
		items: items.map((r) => ({
			code: r.code,
			name: r.name,
			level: r.level,
			parentCode: r.parent_code,
			provinceCode: r.province_code
		})),
		total,
		limit: query.limit,
		offset: query.offset
	};
}
