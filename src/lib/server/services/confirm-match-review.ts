import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policy';
import { clearReadCaches } from '../read-cache';
import { appendChanges } from '../repositories/change-history-repository';
import { completeMatchDecision, insertMatchDecision, lockMatchReview, lockSourceRecords, setMatchReviewStatus } from '../repositories/curation-repository';
import { curatorNote, decidedMessage, mergeInTransaction } from './curation-steps';

export interface ConfirmMatchReviewInput {
	reviewId: number;
	note?: string | null;
}

/**
 * A curator confirms a grey-zone pair as one innovation: the source records of record B's
 * innovation move to record A's innovation (A is the older record), whose fields are rebuilt by
 * source priority; B's emptied innovation is soft-deleted. Undo with undoMatchDecision.
 */
export async function confirmMatchReview(db: Kysely<DB>, actor: Actor, input: ConfirmMatchReviewInput) {
	authorize(actor, 'import.review');
	const note = curatorNote(input.note);
	const outcome = await db.transaction().execute(async (trx) => {
		const review = await lockMatchReview(trx, input.reviewId);
		if (!review) throw new AppError('REVIEW_NOT_FOUND');
		if (review.status !== 'open') throw new AppError('REVIEW_ALREADY_DECIDED', decidedMessage(review));
		const records = new Map((await lockSourceRecords(trx, [review.source_record_a, review.source_record_b])).map((r) => [r.id, r]));
		const a = records.get(review.source_record_a);
		const b = records.get(review.source_record_b);
		if (!a?.innovation_id || !b?.innovation_id) {
			throw new AppError('MERGE_NOT_POSSIBLE', 'Salah satu rekaman sumber pasangan ini belum tertaut ke inovasi; impor ulang berkasnya terlebih dahulu.');
		}
		let result: { decisionId: number; survivorId: string; loserId: string | null; movedRecords: number };
		if (a.innovation_id === b.innovation_id) {
			// Already one innovation (an earlier merge): the pair is settled, nothing moves.
			const decisionId = await insertMatchDecision(trx, { kind: 'confirm', reviewId: review.id, actor: actor.id, reason: note });
			await completeMatchDecision(trx, decisionId, { targetInnovationId: a.innovation_id, sourceInnovationId: null, innovationIds: [], state: {} });
			result = { decisionId, survivorId: a.innovation_id, loserId: null, movedRecords: 0 };
		} else {
			result = await mergeInTransaction(trx, actor, {
				kind: 'confirm',
				reviewId: review.id,
				survivorId: a.innovation_id,
				loserId: b.innovation_id,
				reason: note,
				// The confirmed pair explains why record B now belongs here.
				matchOverrides: new Map([[b.id, { score: review.score, reasons: review.reasons }]])
			});
		}
		await setMatchReviewStatus(trx, review.id, 'confirmed', actor.id);
		await appendChanges(trx, [
			{
				entityType: 'match_review',
				entityId: String(review.id),
				version: null,
				action: 'update',
				actor: actor.id,
				changes: { status: { from: 'open', to: 'confirmed' } },
				reason: note
			}
		]);
		return result;
	});
	clearReadCaches(db);
	return outcome;
}
