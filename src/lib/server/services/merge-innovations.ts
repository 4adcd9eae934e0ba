import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { INNOVATION_ID_PATTERN } from '../domain/ids';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policy';
import { clearReadCaches } from '../read-cache';
import { curatorNote, mergeInTransaction } from './curation-steps';

export interface MergeInnovationsInput {
	/** The innovation that stays (its id and address are kept). */
	targetId: string;
	/** The innovation whose source records move to the target; it is soft-deleted. */
	sourceId: string;
	note?: string | null;
}

/** A curator merges two innovations directly (duplicates the matcher never paired). Undo with undoMatchDecision. */
export async function mergeInnovations(db: Kysely<DB>, actor: Actor, input: MergeInnovationsInput) {
	authorize(actor, 'import.review');
	for (const id of [input.targetId, input.sourceId]) {
		if (!INNOVATION_ID_PATTERN.test(id)) throw new AppError('VALIDATION_FAILED', `"${id}" bukan ID inovasi yang sah (contoh: inv-0123456789).`);
	}
	const note = curatorNote(input.note);
	const outcome = await db
		.transaction()
		.execute((trx) => mergeInTransaction(trx, actor, { kind: 'merge', reviewId: null, survivorId: input.targetId, loserId: input.sourceId, reason: note }));
	clearReadCaches(db);
	return outcome;
}
