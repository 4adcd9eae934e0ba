import { sql, type Kysely } from 'kysely';
import type { DB, RegionLevel } from '../db/schema';
import { containsPattern } from './like-pattern';

export interface RegionInput {
	code: string;
	name: string;
	level: RegionLevel;
	parentCode: string | null;
	provinceCode: string;
}

export async function countRegions(db: Kysely<DB>): Promise<number> {
	const row = await db
		.selectFrom('regions')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Inserts regions that are missing and renames those whose official name changed. */
export async function upsertRegions(db: Kysely<DB>, regions: RegionInput[]): Promise<void> {
	for (let i = 0; i < regions.length; i += 500) {
		const batch = regions.slice(i, i + 500);
		await db
			.insertInto('regions')
			.values(
				batch.map((r) => ({
					code: r.code,
					name: r.name,
					level: r.level,
					parent_code: r.parentCode,
					province_code: r.provinceCode
				}))
			)
			.onConflict((oc) =>
				oc.column('code').doUpdateSet({ name: (eb) => eb.ref('excluded.name') })
			)
			.execute();
	}
}

export function findRegion(db: Kysely<DB>, code: string) {
	return db
		.selectFrom('regions as r')
		.leftJoin('regions as p', 'p.code', 'r.province_code')
		.select([
			'r.code',
			'r.name',
			'r.level',
			'r.parent_code',
			'r.province_code',
			'p.name as province_name'
		])
		.where('r.code', '=', code)
		.executeTakeFirst();
}

export function listProvinces(db: Kysely<DB>) {
	return db
		.selectFrom('regions')
		.select(['code', 'name', 'level'])
		.where('level', '=', 'provinsi')
		.orderBy('code')
		.execute();
}

export interface RegionListQuery {
	level?: RegionLevel;
	provinceCode?: string;
	parentCode?: string;
	q?: string;
	limit: number;
	offset: number;
}

export async function listRegions(db: Kysely<DB>, query: RegionListQuery) {
	let base = db.selectFrom('regions');
	if (query.level) base = base.where('level', '=', query.level);
	if (query.provinceCode) base = base.where('province_code', '=', query.provinceCode);
	if (query.parentCode) base = base.where('parent_code', '=', query.parentCode);
	if (query.q) base = base.where(sql<boolean>`lower(name) like ${containsPattern(query.q)}`);
	const [items, total] = await Promise.all([
		base
			.select(['code', 'name', 'level', 'parent_code', 'province_code'])
			.orderBy('code')
			.limit(query.limit)
			.offset(query.offset)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { items, total: Number(total.n) };
}

export function listChildRegions(db: Kysely<DB>, parentCode: string) {
	return db
		.selectFrom('regions')
		.select(['code', 'name', 'level'])
		.where('parent_code', '=', parentCode)
		.where('level', '!=', 'kecamatan')
		.orderBy('code')
		.execute();
}

export function findCharacteristics(db: Kysely<DB>, code: string) {
	return db
		.selectFrom('region_characteristics')
		.selectAll()
		.where('region_code', '=', code)
		.executeTakeFirst();
}

export type CharacteristicsInput = Omit<
	import('kysely').Insertable<DB['region_characteristics']>,
	'loaded_at'
>;

export async function upsertCharacteristics(
	db: Kysely<DB>,
	rows: CharacteristicsInput[]
): Promise<void> {
	for (let i = 0; i < rows.length; i += 200) {
		const batch = rows.slice(i, i + 200);
		await db
			.insertInto('region_characteristics')
			.values(batch)
			.onConflict((oc) =>
				oc.column('region_code').doUpdateSet((eb) => {
					const columns = Object.keys(batch[0]!).filter((c) => c !== 'region_code') as Array<
						keyof CharacteristicsInput
					>;
					const set: Record<string, unknown> = { loaded_at: sql`now()` };
					for (const column of columns) set[column] = eb.ref(`excluded.${column}`);
					return set as never;
				})
			)
			.execute();
	}
}

export async function existingRegionCodes(db: Kysely<DB>, codes: string[]): Promise<Set<string>> {
	if (codes.length === 0) return new Set();
	const rows = await db.selectFrom('regions').select('code').where('code', 'in', codes).execute();
	return new Set(rows.map((r) => r.code));
}
