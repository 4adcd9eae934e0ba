import { sql, type Kysely } from 'kysely';
import { containsPattern } from './like-pattern';
import type { DB, MatchDecisionKind, MatchReviewStatus, QuarantineReason, SourceKey } from '../db/schema';

// ---------------------------------------------------------------------------------------------
// Review pairs

export interface ReviewRecordRow {
	id: number;
	source: SourceKey;
	external_id: string;
	innovation_id: string | null;
	mapped: Record<string, unknown>;
	innovation_title: string | null;
	innovation_deleted_at: Date | null;
	agency_name: string | null;
	region_name: string | null;
}

/** Review pairs, open first and the most likely duplicates first within a status. */
export async function listMatchReviewPairs(db: Kysely<DB>, query: { status?: MatchReviewStatus; limit: number; offset: number }) {
	let base = db.selectFrom('match_reviews as mr');
	if (query.status) base = base.where('mr.status', '=', query.status);
	const [reviews, total] = await Promise.all([
		base
			.selectAll('mr')
			.orderBy(sql`case mr.status when 'open' then 0 else 1 end`)
			.orderBy('mr.score', 'desc')
			.orderBy('mr.id')
			.limit(query.limit)
			.offset(query.offset)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	const ids = [...new Set(reviews.flatMap((r) => [r.source_record_a, r.source_record_b]))];
	const records = await findReviewRecords(db, ids);
	return { reviews, records: new Map(records.map((r) => [r.id, r])), total: Number(total.n) };
}

export function findReviewRecords(db: Kysely<DB>, ids: number[]): Promise<ReviewRecordRow[]> {
	if (ids.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('source_records as sr')
		.leftJoin('innovations as i', 'i.id', 'sr.innovation_id')
		.leftJoin('agencies as a', 'a.id', 'i.agency_id')
		.leftJoin('regions as r', 'r.code', 'i.region_code')
		.select([
			'sr.id',
			'sr.source',
			'sr.external_id',
			'sr.innovation_id',
			'sr.mapped',
			'i.title as innovation_title',
			'i.deleted_at as innovation_deleted_at',
			'a.name as agency_name',
			'r.name as region_name'
		])
		.where('sr.id', 'in', ids)
		.execute() as Promise<ReviewRecordRow[]>;
}

export function lockMatchReview(db: Kysely<DB>, id: number) {
	return db.selectFrom('match_reviews').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function setMatchReviewStatus(db: Kysely<DB>, id: number, status: MatchReviewStatus, decidedBy: string | null): Promise<void> {
	await db
		.updateTable('match_reviews')
		.set({ status, decided_by: decidedBy, decided_at: decidedBy ? sql<Date>`now()` : null })
		.where('id', '=', id)
		.execute();
}

/** Rejected pairs among the given source records, for an importer that re-scores stored records. */
export function listRejectedPairs(db: Kysely<DB>, sourceRecordIds: number[]) {
	if (sourceRecordIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('match_reviews')
		.select(['source_record_a', 'source_record_b'])
		.where('status', '=', 'rejected')
		.where((eb) => eb.or([eb('source_record_a', 'in', sourceRecordIds), eb('source_record_b', 'in', sourceRecordIds)]))
		.execute();
}

export async function countMatchReviewsByStatus(db: Kysely<DB>): Promise<Record<MatchReviewStatus, number>> {
	const rows = await db
		.selectFrom('match_reviews')
		.select(['status', (eb) => eb.fn.countAll<number>().as('n')])
		.groupBy('status')
		.execute();
	const counts: Record<MatchReviewStatus, number> = { open: 0, confirmed: 0, rejected: 0 };
	for (const row of rows) counts[row.status] = Number(row.n);
	return counts;
}

// ---------------------------------------------------------------------------------------------
// Source records and innovations under a decision

export interface LinkedSourceRecord {
	id: number;
	source: SourceKey;
	external_id: string;
	innovation_id: string | null;
	mapped: Record<string, unknown>;
	match_score: number | null;
	match_reasons: unknown[];
}

const LINKED_COLUMNS = ['id', 'source', 'external_id', 'innovation_id', 'mapped', 'match_score', 'match_reasons'] as const;

export function lockSourceRecord(db: Kysely<DB>, id: number): Promise<LinkedSourceRecord | undefined> {
	return db.selectFrom('source_records').select(LINKED_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function lockSourceRecordByKey(db: Kysely<DB>, source: SourceKey, externalId: string): Promise<LinkedSourceRecord | undefined> {
	return db
		.selectFrom('source_records')
		.select(LINKED_COLUMNS)
		.where('source', '=', source)
		.where('external_id', '=', externalId)
		.forUpdate()
		.executeTakeFirst();
}

/** Records linked to the innovations, locked in id order. */
export function lockSourceRecordsOf(db: Kysely<DB>, innovationIds: string[]): Promise<LinkedSourceRecord[]> {
	if (innovationIds.length === 0) return Promise.resolve([]);
	return db.selectFrom('source_records').select(LINKED_COLUMNS).where('innovation_id', 'in', innovationIds).orderBy('id').forUpdate().execute();
}

export function lockSourceRecords(db: Kysely<DB>, ids: number[]): Promise<LinkedSourceRecord[]> {
	if (ids.length === 0) return Promise.resolve([]);
	return db.selectFrom('source_records').select(LINKED_COLUMNS).where('id', 'in', ids).orderBy('id').forUpdate().execute();
}

/** Innovations locked in id order (so two curators never wait on each other in a cycle). */
export function lockInnovations(db: Kysely<DB>, ids: string[]) {
	if (ids.length === 0) return Promise.resolve([]);
	return db.selectFrom('innovations').selectAll().where('id', 'in', ids).orderBy('id').forUpdate().execute();
}

export function listAwardRows(db: Kysely<DB>, innovationIds: string[]) {
	if (innovationIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('awards')
		.select(['id', 'innovation_id', 'programme', 'year', 'level', 'category'])
		.where('innovation_id', 'in', innovationIds)
		.orderBy('id')
		.execute();
}

/** Moves awards; each only if it is still where the caller expects it. */
export async function moveAwards(db: Kysely<DB>, moves: { awardId: number; from: string; to: string }[]): Promise<void> {
	for (const move of moves) {
		await db.updateTable('awards').set({ innovation_id: move.to }).where('id', '=', move.awardId).where('innovation_id', '=', move.from).execute();
	}
}

export async function copyAwards(
	db: Kysely<DB>,
	innovationId: string,
	awards: { programme: 'KIPP' | 'IGA' | 'PKRI' | 'LAINNYA'; year: number; level: string; category: string | null }[]
): Promise<void> {
	if (awards.length === 0) return;
	await db
		.insertInto('awards')
		.values(awards.map((a) => ({ innovation_id: innovationId, programme: a.programme, year: a.year, level: a.level, category: a.category })))
		.execute();
}

// ---------------------------------------------------------------------------------------------
// Decisions

export async function insertMatchDecision(
	db: Kysely<DB>,
	decision: { kind: MatchDecisionKind; reviewId: number | null; actor: string; reason: string | null }
): Promise<number> {
	const row = await db
		.insertInto('match_decisions')
		.values({ kind: decision.kind, review_id: decision.reviewId, actor: decision.actor, reason: decision.reason })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function completeMatchDecision(
	db: Kysely<DB>,
	id: number,
	outcome: { targetInnovationId: string | null; sourceInnovationId: string | null; innovationIds: string[]; state: unknown }
): Promise<void> {
	await db
		.updateTable('match_decisions')
		.set({
			target_innovation_id: outcome.targetInnovationId,
			source_innovation_id: outcome.sourceInnovationId,
			innovation_ids: outcome.innovationIds,
			state: JSON.stringify(outcome.state)
		})
		.where('id', '=', id)
		.execute();
}

export function lockMatchDecision(db: Kysely<DB>, id: number) {
	return db.selectFrom('match_decisions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Decisions made after `afterId`, still in force, that changed one of the innovations. */
export function listLaterDecisionsTouching(db: Kysely<DB>, afterId: number, innovationIds: string[]) {
	if (innovationIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('match_decisions')
		.select(['id', 'kind', 'innovation_ids', 'undone_at'])
		.where('id', '>', afterId)
		.where('undone_at', 'is', null)
		.where(sql<boolean>`innovation_ids && ${sql.val(innovationIds)}::text[]`)
		.orderBy('id')
		.execute();
}

export async function markMatchDecisionUndone(db: Kysely<DB>, id: number, actor: string, reason: string | null): Promise<void> {
	await db
		.updateTable('match_decisions')
		.set({ undone_at: sql<Date>`now()`, undone_by: actor, undo_reason: reason })
		.where('id', '=', id)
		.execute();
}

/** The decision log, newest first, with the titles of the innovations involved. */
export async function listMatchDecisionRows(db: Kysely<DB>, query: { limit: number; offset: number }) {
	const [items, total] = await Promise.all([
		db
			.selectFrom('match_decisions as d')
			.leftJoin('innovations as t', 't.id', 'd.target_innovation_id')
			.leftJoin('innovations as s', 's.id', 'd.source_innovation_id')
			.selectAll('d')
			.select(['t.title as target_title', 's.title as source_title'])
			.orderBy('d.id', 'desc')
			.limit(query.limit)
			.offset(query.offset)
			.execute(),
		db.selectFrom('match_decisions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { items, total: Number(total.n) };
}

export async function countMatchDecisions(db: Kysely<DB>): Promise<{ total: number; undone: number }> {
	const row = await db
		.selectFrom('match_decisions')
		.select([(eb) => eb.fn.countAll<number>().as('total'), sql<number>`count(undone_at)`.as('undone')])
		.executeTakeFirstOrThrow();
	return { total: Number(row.total), undone: Number(row.undone) };
}

// ---------------------------------------------------------------------------------------------
// Agency queue

/**
 * Quarantined rows with an unknown agency whose record has not been imported since (a later run
 * that stored it means the problem was fixed at the source or by an alias).
 */
export function listNoAgencyQuarantinedRows(db: Kysely<DB>) {
	return db
		.selectFrom('quarantined_rows as q')
		.select(['q.id', 'q.run_id', 'q.source', 'q.external_id', 'q.row_number', 'q.raw', 'q.reasons', 'q.created_at'])
		.where(sql<boolean>`q.reasons @> ${JSON.stringify([{ category: 'no-agency' }])}::jsonb`)
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('source_records as sr')
						.select('sr.id')
						.whereRef('sr.source', '=', 'q.source')
						.whereRef('sr.external_id', '=', 'q.external_id')
				)
			)
		)
		.orderBy('q.id')
		.execute() as Promise<
		{
			id: number;
			run_id: number;
			source: SourceKey;
			external_id: string | null;
			row_number: number;
			raw: Record<string, unknown>;
			reasons: QuarantineReason[];
			created_at: Date;
		}[]
	>;
}

export function findAgencyResolution(db: Kysely<DB>, nameKey: string) {
	return db
		.selectFrom('agency_resolutions as ar')
		.innerJoin('agencies as a', 'a.id', 'ar.agency_id')
		.selectAll('ar')
		.select('a.name as agency_name')
		.where('ar.name_key', '=', nameKey)
		.executeTakeFirst();
}

export function listAgencyResolutions(db: Kysely<DB>, limit: number) {
	return db
		.selectFrom('agency_resolutions as ar')
		.innerJoin('agencies as a', 'a.id', 'ar.agency_id')
		.selectAll('ar')
		.select('a.name as agency_name')
		.orderBy('ar.id', 'desc')
		.limit(limit)
		.execute();
}

export async function insertAgencyResolution(
	db: Kysely<DB>,
	resolution: {
		writtenName: string;
		nameKey: string;
		source: SourceKey | null;
		agencyId: string;
		aliasAdded: boolean;
		quarantinedCount: number;
		actor: string;
		reason: string | null;
	}
): Promise<number> {
	const row = await db
		.insertInto('agency_resolutions')
		.values({
			written_name: resolution.writtenName,
			name_key: resolution.nameKey,
			source: resolution.source,
			agency_id: resolution.agencyId,
			alias_added: resolution.aliasAdded,
			quarantined_count: resolution.quarantinedCount,
			actor: resolution.actor,
			reason: resolution.reason
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function setAgencyResolutionRun(db: Kysely<DB>, id: number, runId: number): Promise<void> {
	await db.updateTable('agency_resolutions').set({ reimport_run_id: runId }).where('id', '=', id).execute();
}

export function lockAgency(db: Kysely<DB>, id: string) {
	return db.selectFrom('agencies').select(['id', 'name', 'abbreviation', 'aliases']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function setAgencyAliases(db: Kysely<DB>, id: string, aliases: string[]): Promise<void> {
	await db.updateTable('agencies').set({ aliases }).where('id', '=', id).execute();
}

/** Agencies by name, abbreviation, alias or id, for the curator's search box. */
export function searchAgencies(db: Kysely<DB>, text: string, limit: number) {
	const like = containsPattern(text);
	return db
		.selectFrom('agencies')
		.select(['id', 'name', 'abbreviation'])
		.where((eb) =>
			eb.or([
				eb(sql`lower(name)`, 'like', like),
				eb(sql`lower(coalesce(abbreviation, ''))`, 'like', like),
				eb(sql`lower(array_to_string(aliases, ' '))`, 'like', like),
				eb('id', '=', text.trim().toLowerCase())
			])
		)
		.orderBy('name')
		.limit(limit)
		.execute();
}
