import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policy';
import { clearReadCaches } from '../read-cache';
import { appendChanges } from '../repositories/change-history-repository';
import { lockInnovation, updateInnovationIfVersion } from '../repositories/innovation-repository';

/** Soft delete: the innovation disappears from the catalogue and the API, and an admin can restore it. */
export async function deleteInnovation(
	db: Kysely<DB>,
	actor: Actor,
	input: { id: string; expectedVersion: number; reason: string }
) {
	const reason = input.reason.trim();
	if (reason.length < 5) throw new AppError('VALIDATION_FAILED', 'Alasan penghapusan minimal 5 karakter.');
	const outcome = await db.transaction().execute(async (trx) => {
		const current = await lockInnovation(trx, input.id);
		if (!current) throw new AppError('INNOVATION_NOT_FOUND');
		authorize(actor, 'innovation.delete', current);
		if (current.deleted_at) throw new AppError('ALREADY_DELETED');
		if (current.version !== input.expectedVersion) throw new AppError('STALE_VERSION');
		const deletedAt = new Date();
		const version = await updateInnovationIfVersion(trx, input.id, input.expectedVersion, {
			deleted_at: deletedAt,
			deleted_by: actor.id,
			delete_reason: reason
		});
		if (version === null) throw new AppError('STALE_VERSION');
		await appendChanges(trx, [
			{
				entityType: 'innovation',
				entityId: input.id,
				version,
				action: 'delete',
				actor: actor.id,
				changes: { deleted_at: { from: null, to: deletedAt.toISOString() } },
				reason
			}
		]);
		return { version };
	});
	clearReadCaches(db);
	return outcome;
}
