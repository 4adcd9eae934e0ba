import type { Kysely } from 'kysely';
import type { DB, MatchReviewStatus, SourceKey } from '../db/schema';
import { authorize, type Actor } from '../policy';
import { listMatchReviewPairs, type ReviewRecordRow } from '../repositories/curation-repository';

export interface ReviewSide {
	sourceRecordId: number;
	source: SourceKey;
	externalId: string;
	innovationId: string | null;
	innovationTitle: string | null;
	innovationDeleted: boolean;
	/** The record's own values, as its source delivered them (normalised). */
	title: string;
	acronym: string | null;
	agencyId: string | null;
	agencyName: string | null;
	regionCode: string | null;
	regionName: string | null;
	year: number | null;
	summary: string;
}

export interface ReviewPair {
	id: number;
	status: MatchReviewStatus;
	score: number;
	reasons: unknown[];
	decidedBy: string | null;
	decidedAt: string | null;
	createdAt: string;
	/** Both records already belong to one innovation (an earlier merge): confirming moves nothing. */
	sameInnovation: boolean;
	a: ReviewSide | null;
	b: ReviewSide | null;
}

function sideOf(row: ReviewRecordRow | undefined): ReviewSide | null {
	if (!row) return null;
	const record = ((row.mapped as { record?: Record<string, unknown> }).record ?? {}) as Record<string, unknown>;
	const match = ((row.mapped as { match?: Record<string, unknown> }).match ?? {}) as Record<string, unknown>;
	const text = (value: unknown) => (typeof value === 'string' ? value : null);
	return {
		sourceRecordId: row.id,
		source: row.source,
		externalId: row.external_id,
		innovationId: row.innovation_id,
		innovationTitle: row.innovation_title,
		innovationDeleted: row.innovation_deleted_at !== null,
		title: text(record.title) ?? row.external_id,
		acronym: text(record.acronym),
		agencyId: text(record.agencyId),
		agencyName: row.agency_name,
		regionCode: text(record.regionCode),
		regionName: row.region_name,
		year: typeof match.year === 'number' ? match.year : typeof record.yearStarted === 'number' ? record.yearStarted : null,
		summary: (text(record.summary) || text(match.text) || '').slice(0, 600)
	};
}

/** The review queue: open pairs first (most likely duplicates first), each with both records' key fields and the reasons. */
export async function listMatchReviews(
	db: Kysely<DB>,
	actor: Actor,
	query: { status?: MatchReviewStatus; limit: number; offset: number }
): Promise<{ items: ReviewPair[]; total: number }> {
	authorize(actor, 'import.review');
	const { reviews, records, total } = await listMatchReviewPairs(db, query);
	const items = reviews.map((review) => {
		const a = sideOf(records.get(review.source_record_a));
		const b = sideOf(records.get(review.source_record_b));
		return {
			id: review.id,
			status: review.status,
			score: Number(review.score),
			reasons: review.reasons,
			decidedBy: review.decided_by,
			decidedAt: review.decided_at ? new Date(review.decided_at).toISOString() : null,
			createdAt: new Date(review.created_at).toISOString(),
			sameInnovation: !!a?.innovationId && a.innovationId === b?.innovationId,
			a,
			b
		};
	});
	return { items, total };
}
