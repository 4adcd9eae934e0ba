import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** Rows for suggestions while typing: the innovations suggested, and the registry (agencies, regions). */

export function listSuggestedInnovations(db: Kysely<DB>, ids: string[]) {
	if (ids.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('innovations as i')
		.innerJoin('agencies as a', 'a.id', 'i.agency_id')
		.select(['i.id', 'i.title', 'i.acronym', 'a.name as agency_name'])
		.where('i.id', 'in', ids)
		.where('i.deleted_at', 'is', null)
		.execute();
}

export function listAgenciesForSuggestions(db: Kysely<DB>) {
	return db.selectFrom('agencies').select(['id', 'name', 'abbreviation', 'aliases']).orderBy('id').execute();
}

/** Provinces and kabupaten/kota (not kecamatan: they have no page of their own to go to). */
export function listRegionsForSuggestions(db: Kysely<DB>) {
	return db
		.selectFrom('regions as r')
		.leftJoin('regions as p', (join) => join.onRef('p.code', '=', 'r.province_code').on('p.level', '=', 'provinsi'))
		.select(['r.code', 'r.name', 'r.level', 'p.name as province_name'])
		.where('r.level', '!=', 'kecamatan')
		.orderBy('r.code')
		.execute();
}
