import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policy';
import { clearReadCaches } from '../read-cache';
import { appendChanges } from '../repositories/change-history-repository';
import { completeMatchDecision, insertMatchDecision, lockMatchReview, setMatchReviewStatus } from '../repositories/curation-repository';
import { curatorNote, decidedMessage } from './curation-steps';

export interface RejectMatchReviewInput {
	reviewId: number;
	note?: string | null;
}

/**
 * A curator says the pair is two innovations. Nothing moves; the review stays 'rejected', and since
 * reviews are unique per pair of source records, a re-import never proposes the pair again
 * (listRejectedPairs lets an importer that re-scores stored records skip it).
 */
export async function rejectMatchReview(db: Kysely<DB>, actor: Actor, input: RejectMatchReviewInput) {
	authorize(actor, 'import.review');
	const note = curatorNote(input.note);
	const outcome = await db.transaction().execute(async (trx) => {
		const review = await lockMatchReview(trx, input.reviewId);
		if (!review) throw new AppError('REVIEW_NOT_FOUND');
		if (review.status !== 'open') throw new AppError('REVIEW_ALREADY_DECIDED', decidedMessage(review));
		const decisionId = await insertMatchDecision(trx, { kind: 'reject', reviewId: review.id, actor: actor.id, reason: note });
		// A rejection changes no innovation, so no later decision can depend on it.
		await completeMatchDecision(trx, decisionId, { targetInnovationId: null, sourceInnovationId: null, innovationIds: [], state: {} });
		await setMatchReviewStatus(trx, review.id, 'rejected', actor.id);
		await appendChanges(trx, [
			{
				entityType: 'match_review',
				entityId: String(review.id),
				version: null,
				action: 'update',
				actor: actor.id,
				changes: { status: { from: 'open', to: 'rejected' } },
				reason: note
			}
		]);
		return { decisionId };
	});
	clearReadCaches(db);
	return outcome;
}
