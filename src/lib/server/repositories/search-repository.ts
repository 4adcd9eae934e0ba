import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** What the search index needs of an innovation: its texts and facet values. */
export interface SearchDocumentRow {
	id: string;
	title: string;
	acronym: string | null;
	summary: string;
	problem: string;
	aims: string;
	novelty: string;
	implementation: string;
	results: string;
	transferability: string;
	resources: string;
	sustainability_strategy: string;
	theme: string | null;
	initiator_name: string | null;
	region_code: string | null;
	province_code: string | null;
	agency_id: string;
	agency_name: string;
	agency_abbreviation: string | null;
	agency_kind: string;
	service_unit_name: string | null;
	region_name: string | null;
	province_name: string | null;
	main_affair: string | null;
	sdgs: number[];
	stage: string;
	year_started: number | null;
	is_digital: boolean | null;
	sustainability_status: string | null;
	replication_count: number;
	created_at: Date;
	updated_at: Date;
	deleted_at: Date | null;
	search_seq: string;
	awards: string[];
	/** Awards as the catalogue shows them ("KIPP Top 99 2022; ..."), newest first. */
	award_summary: string | null;
	sources: string[];
}

function documentQuery(db: Kysely<DB>) {
	return db
		.selectFrom('innovations as i')
		.innerJoin('agencies as a', 'a.id', 'i.agency_id')
		.leftJoin('regions as r', 'r.code', 'i.region_code')
		.leftJoin('regions as p', 'p.code', 'i.province_code')
		.leftJoin('service_units as u', 'u.id', 'i.service_unit_id')
		.select([
			'i.id',
			'i.title',
			'i.acronym',
			'i.summary',
			'i.problem',
			'i.aims',
			'i.novelty',
			'i.implementation',
			'i.results',
			'i.transferability',
			'i.resources',
			'i.sustainability_strategy',
			'i.theme',
			'i.initiator_name',
			'i.region_code',
			'i.province_code',
			'i.agency_id',
			'a.name as agency_name',
			'a.abbreviation as agency_abbreviation',
			'a.kind as agency_kind',
			'u.name as service_unit_name',
			'r.name as region_name',
			'p.name as province_name',
			'i.main_affair',
			'i.sdgs',
			'i.stage',
			'i.year_started',
			'i.is_digital',
			'i.sustainability_status',
			'i.replication_count',
			'i.created_at',
			'i.updated_at',
			'i.deleted_at',
			sql<string>`i.search_seq::text`.as('search_seq'),
			sql<string[]>`array(select aw.programme from awards aw where aw.innovation_id = i.id)`.as('awards'),
			sql<string | null>`(select string_agg(aw.programme || ' ' || aw.level || ' ' || aw.year, '; ' order by aw.year desc) from awards aw where aw.innovation_id = i.id)`.as(
				'award_summary'
			),
			sql<string[]>`array(select distinct sr.source from source_records sr where sr.innovation_id = i.id)`.as('sources')
		]);
}

/** Live innovations in id order after `afterId` (keyset paging for the initial build). */
export async function listSearchDocuments(db: Kysely<DB>, afterId: string | null, limit: number): Promise<SearchDocumentRow[]> {
	return (await documentQuery(db)
		.where('i.deleted_at', 'is', null)
		.$if(afterId !== null, (q) => q.where('i.id', '>', afterId!))
		.orderBy('i.id')
		.limit(limit)
		.execute()) as SearchDocumentRow[];
}

/** Innovations inserted or updated (deleted ones included) after change number `seq`, oldest change first. */
export async function listSearchDocumentsChangedSince(db: Kysely<DB>, seq: string, limit: number): Promise<SearchDocumentRow[]> {
	return (await documentQuery(db)
		.where(sql<boolean>`i.search_seq > ${seq}::bigint`)
		.orderBy('i.search_seq')
		.limit(limit)
		.execute()) as SearchDocumentRow[];
}

/** The newest change number of innovations, and the newest award and source record ids. */
export async function readSearchWatermarks(db: Kysely<DB>): Promise<{ seq: string; awardId: number; recordId: number }> {
	const row = await sql<{ seq: string; award_id: string; record_id: string }>`
		select
			coalesce((select max(search_seq) from innovations), 0)::text as seq,
			coalesce((select max(id) from awards), 0)::text as award_id,
			coalesce((select max(id) from source_records), 0)::text as record_id`.execute(db);
	const first = row.rows[0]!;
	return { seq: first.seq, awardId: Number(first.award_id), recordId: Number(first.record_id) };
}

/** Innovations that got an award or a source record after the given ids (they change facets). */
export async function listInnovationsWithNewLinks(
	db: Kysely<DB>,
	awardId: number,
	recordId: number
): Promise<{ ids: string[]; awardId: number; recordId: number }> {
	const awards = await db
		.selectFrom('awards')
		.select(['id', 'innovation_id'])
		.where('id', '>', awardId)
		.orderBy('id')
		.limit(5000)
		.execute();
	const records = await db
		.selectFrom('source_records')
		.select(['id', 'innovation_id'])
		.where('id', '>', recordId)
		.orderBy('id')
		.limit(5000)
		.execute();
	const ids = new Set<string>();
	for (const row of awards) ids.add(row.innovation_id);
	for (const row of records) if (row.innovation_id) ids.add(row.innovation_id);
	return {
		ids: [...ids],
		awardId: awards.at(-1)?.id ?? awardId,
		recordId: records.at(-1)?.id ?? recordId
	};
}

export async function listSearchDocumentsByIds(db: Kysely<DB>, ids: string[]): Promise<SearchDocumentRow[]> {
	if (ids.length === 0) return [];
	return (await documentQuery(db).where('i.id', 'in', ids).execute()) as SearchDocumentRow[];
}
