import { sql, type Kysely } from 'kysely';
import type { DB, HubKind } from '../db/schema';

export function listHubs(db: Kysely<DB>, filter: { kind?: HubKind } = {}) {
	return db
		.selectFrom('hubs as h')
		.innerJoin('agencies as a', 'a.id', 'h.coordinator_agency_id')
		.select([
			'h.id',
			'h.name',
			'h.kind',
			'h.region_code',
			'h.established_year',
			'h.coordinator_agency_id',
			'a.name as coordinator_name',
			sql<number>`(select count(*) from hub_members m where m.hub_id = h.id)`.as('member_count')
		])
		.$if(!!filter.kind, (q) => q.where('h.kind', '=', filter.kind!))
		.orderBy('h.kind', 'desc')
		.orderBy('h.name')
		.execute();
}

export function findHub(db: Kysely<DB>, id: string) {
	return db
		.selectFrom('hubs as h')
		.innerJoin('agencies as a', 'a.id', 'h.coordinator_agency_id')
		.leftJoin('regions as r', 'r.code', 'h.region_code')
		.select([
			'h.id',
			'h.name',
			'h.kind',
			'h.description',
			'h.region_code',
			'h.established_year',
			'h.coordinator_agency_id',
			'a.name as coordinator_name',
			'r.name as region_name'
		])
		.where('h.id', '=', id)
		.executeTakeFirst();
}

export function listHubMembers(db: Kysely<DB>, hubId: string) {
	return db
		.selectFrom('hub_members as m')
		.innerJoin('agencies as a', 'a.id', 'm.agency_id')
		.select([
			'a.id',
			'a.name',
			'a.kind',
			'a.region_code',
			'm.joined_year',
			sql<number>`(select count(*) from innovations i where i.agency_id = a.id and i.deleted_at is null)`.as(
				'innovation_count'
			)
		])
		.where('m.hub_id', '=', hubId)
		.orderBy('a.name')
		.execute();
}

export async function countHubInnovations(db: Kysely<DB>, hubId: string): Promise<number> {
	const row = await db
		.selectFrom('innovations as i')
		.innerJoin('hub_members as m', 'm.agency_id', 'i.agency_id')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('m.hub_id', '=', hubId)
		.where('i.deleted_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
