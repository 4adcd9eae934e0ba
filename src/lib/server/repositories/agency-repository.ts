import { sql, type Insertable, type Kysely } from 'kysely';
import type { AgenciesTable, AgencyKind, DB } from '../db/schema';
import { containsPattern } from './like-pattern';

export async function upsertAgencies(db: Kysely<DB>, agencies: Insertable<AgenciesTable>[]) {
	for (let i = 0; i < agencies.length; i += 300) {
		await db
			.insertInto('agencies')
			.values(agencies.slice(i, i + 300))
			.onConflict((oc) =>
				oc.column('id').doUpdateSet({
					name: (eb) => eb.ref('excluded.name'),
					abbreviation: (eb) => eb.ref('excluded.abbreviation'),
					aliases: (eb) => eb.ref('excluded.aliases')
				})
			)
			.execute();
	}
}

export function findAgency(db: Kysely<DB>, id: string) {
	return db
		.selectFrom('agencies as a')
		.leftJoin('regions as r', 'r.code', 'a.region_code')
		.leftJoin('hub_members as hm', 'hm.agency_id', 'a.id')
		.leftJoin('hubs as h', 'h.id', 'hm.hub_id')
		.select([
			'a.id',
			'a.name',
			'a.kind',
			'a.abbreviation',
			'a.aliases',
			'a.region_code',
			'a.panrb_id',
			'a.website',
			'r.name as region_name',
			'r.province_code',
			'h.id as hub_id',
			'h.name as hub_name'
		])
		.where('a.id', '=', id)
		.executeTakeFirst();
}

export interface AgencyListQuery {
	kind?: AgencyKind;
	provinceCode?: string;
	q?: string;
	limit: number;
	offset: number;
}

export async function listAgencies(db: Kysely<DB>, query: AgencyListQuery) {
	let base = db.selectFrom('agencies as a').leftJoin('regions as r', 'r.code', 'a.region_code');
	if (query.kind) base = base.where('a.kind', '=', query.kind);
	if (query.provinceCode) base = base.where('r.province_code', '=', query.provinceCode);
	if (query.q) {
		const like = containsPattern(query.q);
		base = base.where((eb) =>
			eb.or([
				eb(sql`lower(a.name)`, 'like', like),
				eb(sql`lower(coalesce(a.abbreviation, ''))`, 'like', like),
				eb(sql`lower(array_to_string(a.aliases, ' '))`, 'like', like)
			])
		);
	}
	const [items, total] = await Promise.all([
		base
			.select(['a.id', 'a.name', 'a.kind', 'a.abbreviation', 'a.region_code', 'a.panrb_id'])
			.orderBy('a.kind')
			.orderBy('a.name')
			.limit(query.limit)
			.offset(query.offset)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { items, total: Number(total.n) };
}

export function listAllAgencies(db: Kysely<DB>) {
	return db
		.selectFrom('agencies')
		.select(['id', 'name', 'kind', 'abbreviation', 'region_code', 'panrb_id'])
		.orderBy('id')
		.execute();
}

export function findRegionalGovernment(db: Kysely<DB>, regionCode: string) {
	return db
		.selectFrom('agencies')
		.select(['id', 'name', 'kind', 'abbreviation'])
		.where('region_code', '=', regionCode)
		.where('kind', 'in', ['pemerintah_provinsi', 'pemerintah_kabupaten', 'pemerintah_kota'])
		.executeTakeFirst();
}
