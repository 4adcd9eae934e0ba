import type { Kysely } from 'kysely';
import { configuredSourcePriority } from '../config/source-priority';
import type { DB, InnovationUpdate } from '../db/schema';
import { dependentDecisions, dependentsMessage, readDecisionState } from '../domain/curation/match-decisions';
import { rebuildCanonicalFields } from '../domain/import/canonical-fields';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policy';
import { clearReadCaches } from '../read-cache';
import { appendChanges } from '../repositories/change-history-repository';
import {
	listLaterDecisionsTouching,
	lockInnovations,
	lockMatchDecision,
	lockMatchReview,
	lockSourceRecords,
	lockSourceRecordsOf,
	markMatchDecisionUndone,
	moveAwards,
	setMatchReviewStatus
} from '../repositories/curation-repository';
import { setSourceRecordMatches } from '../repositories/import-repository';
import { canonicalValuesOf, curatorNote, linkedRecordOf, withNote, writeInnovation } from './curation-steps';

export interface UndoMatchDecisionInput {
	decisionId: number;
	note?: string | null;
}

/**
 * Reverses a curator decision: records go back where they were with their old scores, awards
 * follow, the innovation a merge soft-deleted is restored and the one a split created is
 * soft-deleted; a confirmed or rejected pair goes back to the queue. Fields and provenance are
 * restored exactly when nothing changed the innovation since; otherwise they are rebuilt by source
 * priority (manual edits stay). Refused while a later decision on the same innovations is in force.
 */
export async function undoMatchDecision(db: Kysely<DB>, actor: Actor, input: UndoMatchDecisionInput) {
	authorize(actor, 'import.review');
	const note = curatorNote(input.note);
	const outcome = await db.transaction().execute(async (trx) => {
		const decision = await lockMatchDecision(trx, input.decisionId);
		if (!decision) throw new AppError('DECISION_NOT_FOUND');
		if (decision.undone_at) {
			throw new AppError('DECISION_ALREADY_UNDONE', `Keputusan #${decision.id} sudah dibatalkan${decision.undone_by ? ` oleh ${decision.undone_by}` : ''}.`);
		}
		const later = await listLaterDecisionsTouching(trx, decision.id, decision.innovation_ids);
		const dependents = dependentDecisions(
			{ id: decision.id, kind: decision.kind, innovationIds: decision.innovation_ids, undoneAt: null },
			later.map((d) => ({ id: d.id, kind: d.kind, innovationIds: d.innovation_ids, undoneAt: d.undone_at }))
		);
		if (dependents.length > 0) throw new AppError('DECISION_HAS_DEPENDENTS', dependentsMessage(decision.id, dependents));

		const state = readDecisionState(decision.state);
		const label = `Pembatalan keputusan kurasi #${decision.id}`;
		const involved = [...new Set([...state.before.map((s) => s.id), ...(state.created ? [state.created] : [])])];
		const rows = new Map((await lockInnovations(trx, involved)).map((r) => [r.id, r]));

		// Records must still be where the decision put them.
		const records = new Map((await lockSourceRecords(trx, state.moves.map((m) => m.sourceRecordId))).map((r) => [r.id, r]));
		for (const move of state.moves) {
			const record = records.get(move.sourceRecordId);
			if (!record || record.innovation_id !== move.to) {
				throw new AppError(
					'DECISION_NOT_UNDOABLE',
					`Keputusan #${decision.id} tidak dapat dibatalkan: rekaman sumber ${record ? `${record.source} ${record.external_id}` : move.sourceRecordId} sudah tidak berada di inovasi ${move.to}.`
				);
			}
		}
		if (state.created) {
			const others = (await lockSourceRecordsOf(trx, [state.created])).filter((r) => !state.moves.some((m) => m.sourceRecordId === r.id));
			if (others.length > 0) {
				throw new AppError(
					'DECISION_NOT_UNDOABLE',
					`Keputusan #${decision.id} tidak dapat dibatalkan: inovasi ${state.created} hasil pemisahan sudah memiliki rekaman sumber lain (${others.map((r) => `${r.source} ${r.external_id}`).join(', ')}).`
				);
			}
		}

		await setSourceRecordMatches(
			trx,
			state.moves.map((m) => ({ sourceRecordId: m.sourceRecordId, innovationId: m.from, score: m.before.score, reasons: m.before.reasons }))
		);
		await moveAwards(
			trx,
			state.awards.map((a) => ({ awardId: a.awardId, from: a.to, to: a.from }))
		);

		const reason = withNote(label, note);
		for (const snapshot of state.before) {
			const row = rows.get(snapshot.id);
			if (!row) throw new AppError('INNOVATION_NOT_FOUND', `Inovasi ${snapshot.id} tidak ditemukan.`);
			const untouched = row.version === state.afterVersions[snapshot.id];
			let values = snapshot.values;
			let provenance = snapshot.provenance;
			if (!untouched) {
				const linked = await lockSourceRecordsOf(trx, [row.id]);
				const rebuilt = rebuildCanonicalFields({ priority: configuredSourcePriority(), current: canonicalValuesOf(row), provenance: row.provenance, records: linked.map(linkedRecordOf) });
				values = rebuilt.values;
				provenance = rebuilt.provenance;
			}
			const restoring = !!row.deleted_at && !snapshot.deletedAt;
			const extra: InnovationUpdate = restoring ? { deleted_at: null, deleted_by: null, delete_reason: null } : {};
			await writeInnovation(
				trx,
				row,
				{ values, provenance, extra },
				{
					actor,
					action: restoring ? 'restore' : 'update',
					reason,
					extraChanges: restoring ? { deleted_at: { from: new Date(row.deleted_at!).toISOString(), to: null } } : undefined
				}
			);
		}
		if (state.created) {
			const row = rows.get(state.created);
			if (row && !row.deleted_at) {
				const deletedAt = new Date();
				await writeInnovation(
					trx,
					row,
					{ values: {}, provenance: row.provenance, extra: { deleted_at: deletedAt, deleted_by: actor.id, delete_reason: reason } },
					{ actor, action: 'delete', reason, extraChanges: { deleted_at: { from: null, to: deletedAt.toISOString() } } }
				);
			}
		}

		if (decision.review_id !== null && (decision.kind === 'confirm' || decision.kind === 'reject')) {
			const review = await lockMatchReview(trx, decision.review_id);
			if (review && review.status !== 'open') {
				await setMatchReviewStatus(trx, review.id, 'open', null);
				await appendChanges(trx, [
					{
						entityType: 'match_review',
						entityId: String(review.id),
						version: null,
						action: 'update',
						actor: actor.id,
						changes: { status: { from: review.status, to: 'open' } },
						reason
					}
				]);
			}
		}
		await markMatchDecisionUndone(trx, decision.id, actor.id, note);
		return { decisionId: decision.id, kind: decision.kind, innovationIds: involved };
	});
	clearReadCaches(db);
	return outcome;
}
