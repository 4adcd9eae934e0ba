import { sql, type Insertable, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { DB, InnovationsTable, InnovationUpdate } from '../db/schema';
import type { InnovationFilters } from '../domain/innovation-filters';
import { containsPattern } from './like-pattern';

type InnovationQuery = SelectQueryBuilder<DB & { i: DB['innovations'] }, 'i', object>;

/** Applies the catalogue filters to a query over live (not deleted) innovations. */
function applyFilters(query: InnovationQuery, filters: InnovationFilters): InnovationQuery {
	let q = query.where('i.deleted_at', 'is', null);
	if (filters.q) {
		const like = containsPattern(filters.q);
		q = q.where((eb) =>
			eb.or([
				eb(sql`lower(i.title)`, 'like', like),
				eb(sql`lower(coalesce(i.acronym, ''))`, 'like', like),
				eb(sql`lower(i.summary)`, 'like', like)
			])
		);
	}
	if (filters.wilayah) q = q.where('i.region_code', '=', filters.wilayah);
	else if (filters.provinsi) q = q.where('i.province_code', '=', filters.provinsi);
	if (filters.instansi) q = q.where('i.agency_id', '=', filters.instansi);
	if (filters.jenisInstansi)
		q = q.where('i.agency_id', 'in', (eb) =>
			eb.selectFrom('agencies').select('id').where('kind', '=', filters.jenisInstansi!)
		);
	if (filters.urusan) q = q.where('i.main_affair', '=', filters.urusan);
	if (filters.sdg) q = q.where(sql<boolean>`i.sdgs @> array[${filters.sdg}]::int[]`);
	if (filters.tahap) q = q.where('i.stage', '=', filters.tahap);
	if (filters.tahun) q = q.where('i.year_started', '=', filters.tahun);
	if (filters.tahunDari) q = q.where('i.year_started', '>=', filters.tahunDari);
	if (filters.tahunSampai) q = q.where('i.year_started', '<=', filters.tahunSampai);
	if (filters.digital) q = q.where('i.is_digital', '=', filters.digital === 'ya');
	if (filters.penghargaan) {
		const programme = filters.penghargaan;
		q = q.where(({ exists, selectFrom }) =>
			exists(
				selectFrom('awards as aw')
					.select(sql`1`.as('one'))
					.whereRef('aw.innovation_id', '=', 'i.id')
					.$if(programme !== 'ada', (sub) => sub.where('aw.programme', '=', programme as never))
			)
		);
	}
	if (filters.sumber) {
		const source = filters.sumber;
		q = q.where(({ exists, selectFrom }) =>
			exists(
				selectFrom('source_records as sr')
					.select(sql`1`.as('one'))
					.whereRef('sr.innovation_id', '=', 'i.id')
					.where('sr.source', '=', source)
			)
		);
	}
	return q;
}

export async function listInnovations(
	db: Kysely<DB>,
	filters: InnovationFilters,
	window: { limit: number; offset: number }
) {
	const base = applyFilters(db.selectFrom('innovations as i'), filters);
	let items = base
		.innerJoin('agencies as a', 'a.id', 'i.agency_id')
		.leftJoin('regions as r', 'r.code', 'i.region_code')
		.select([
			'i.id',
			'i.title',
			'i.acronym',
			'i.summary',
			'i.year_started',
			'i.stage',
			'i.main_affair',
			'i.sdgs',
			'i.is_digital',
			'i.region_code',
			'i.created_at',
			'i.updated_at',
			'a.id as agency_id',
			'a.name as agency_name',
			'a.kind as agency_kind',
			'r.name as region_name',
			sql<string | null>`(select string_agg(aw.programme || ' ' || aw.level || ' ' || aw.year, '; ' order by aw.year desc) from awards aw where aw.innovation_id = i.id)`.as(
				'award_summary'
			)
		]);
	switch (filters.urutan) {
		case 'judul':
			items = items.orderBy('i.title').orderBy('i.id');
			break;
		case 'tahun':
			items = items.orderBy(sql`i.year_started desc nulls last`).orderBy('i.id');
			break;
		default:
			items = items.orderBy('i.created_at', 'desc').orderBy('i.id');
	}
	return items.limit(window.limit).offset(window.offset).execute();
}

export async function countInnovations(db: Kysely<DB>, filters: InnovationFilters): Promise<number> {
	const row = await applyFilters(db.selectFrom('innovations as i'), filters)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export function findInnovation(db: Kysely<DB>, id: string, options: { includeDeleted?: boolean } = {}) {
	return db
		.selectFrom('innovations as i')
		.innerJoin('agencies as a', 'a.id', 'i.agency_id')
		.leftJoin('regions as r', 'r.code', 'i.region_code')
		.leftJoin('regions as p', 'p.code', 'r.province_code')
		.leftJoin('service_units as u', 'u.id', 'i.service_unit_id')
		.selectAll('i')
		.select([
			'a.name as agency_name',
			'a.kind as agency_kind',
			'a.abbreviation as agency_abbreviation',
			'r.name as region_name',
			'r.level as region_level',
			'p.code as province_code',
			'p.name as province_name',
			'u.name as service_unit_name'
		])
		.where('i.id', '=', id)
		.$if(!options.includeDeleted, (q) => q.where('i.deleted_at', 'is', null))
		.executeTakeFirst();
}

export function listAwardsOf(db: Kysely<DB>, innovationIds: string[]) {
	if (innovationIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('awards')
		.select(['id', 'innovation_id', 'programme', 'year', 'level', 'category'])
		.where('innovation_id', 'in', innovationIds)
		.orderBy('year', 'desc')
		.execute();
}

export function listSourceRecordsOf(db: Kysely<DB>, innovationId: string) {
	return db
		.selectFrom('source_records')
		.select(['id', 'source', 'external_id', 'record_version', 'match_score', 'match_reasons', 'imported_at'])
		.where('innovation_id', '=', innovationId)
		.orderBy('source')
		.orderBy('external_id')
		.execute();
}

export function listNewestInnovations(db: Kysely<DB>, limit: number) {
	return db
		.selectFrom('innovations as i')
		.innerJoin('agencies as a', 'a.id', 'i.agency_id')
		.leftJoin('regions as r', 'r.code', 'i.region_code')
		.select(['i.id', 'i.title', 'i.year_started', 'i.stage', 'i.summary', 'a.name as agency_name', 'r.name as region_name'])
		.where('i.deleted_at', 'is', null)
		.orderBy('i.created_at', 'desc')
		.orderBy('i.id')
		.limit(limit)
		.execute();
}

export function listAwardWinningInnovations(db: Kysely<DB>, limit: number) {
	return db
		.selectFrom('awards as aw')
		.innerJoin('innovations as i', 'i.id', 'aw.innovation_id')
		.innerJoin('agencies as a', 'a.id', 'i.agency_id')
		.leftJoin('regions as r', 'r.code', 'i.region_code')
		.select([
			'i.id',
			'i.title',
			'i.year_started',
			'i.stage',
			'a.name as agency_name',
			'r.name as region_name',
			'aw.programme',
			'aw.level',
			'aw.year as award_year'
		])
		.where('i.deleted_at', 'is', null)
		.orderBy('aw.year', 'desc')
		.orderBy(sql`case aw.level when 'Outstanding Achievement' then 0 when 'Top 15' then 1 when 'Top 45' then 2 else 3 end`)
		.orderBy('aw.id')
		.limit(limit)
		.execute();
}

export async function insertInnovation(db: Kysely<DB>, row: Insertable<InnovationsTable>) {
	await db.insertInto('innovations').values(row).execute();
}

/**
 * Writes a change only when the stored version is still `expectedVersion`, bumping it.
 * Returns the new version, or null when someone else changed the row first.
 */
export async function updateInnovationIfVersion(
	db: Kysely<DB>,
	id: string,
	expectedVersion: number,
	changes: InnovationUpdate
): Promise<number | null> {
	const row = await db
		.updateTable('innovations')
		.set({ ...changes, version: sql`version + 1` as never, updated_at: sql`now()` as never })
		.where('id', '=', id)
		.where('version', '=', expectedVersion)
		.returning('version')
		.executeTakeFirst();
	return row?.version ?? null;
}

export function lockInnovation(db: Kysely<DB>, id: string) {
	return db.selectFrom('innovations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function listInnovationsOfAgency(db: Kysely<DB>, agencyId: string, limit: number) {
	return db
		.selectFrom('innovations as i')
		.leftJoin('regions as r', 'r.code', 'i.region_code')
		.select(['i.id', 'i.title', 'i.year_started', 'i.stage', 'r.name as region_name'])
		.where('i.agency_id', '=', agencyId)
		.where('i.deleted_at', 'is', null)
		.orderBy('i.year_started', 'desc')
		.orderBy('i.id')
		.limit(limit)
		.execute();
}

export function listDeletedInnovations(db: Kysely<DB>, limit: number) {
	return db
		.selectFrom('innovations as i')
		.innerJoin('agencies as a', 'a.id', 'i.agency_id')
		.select(['i.id', 'i.title', 'i.deleted_at', 'i.deleted_by', 'i.delete_reason', 'a.name as agency_name'])
		.where('i.deleted_at', 'is not', null)
		.orderBy('i.deleted_at', 'desc')
		.limit(limit)
		.execute();
}
