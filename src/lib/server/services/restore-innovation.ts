import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policy';
import { clearReadCaches } from '../read-cache';
import { appendChanges } from '../repositories/change-history-repository';
import { lockInnovation, updateInnovationIfVersion } from '../repositories/innovation-repository';

/** Undoes a soft delete (national admins only). */
export async function restoreInnovation(db: Kysely<DB>, actor: Actor, input: { id: string; reason?: string }) {
	authorize(actor, 'innovation.restore');
	const outcome = await db.transaction().execute(async (trx) => {
		const current = await lockInnovation(trx, input.id);
		if (!current) throw new AppError('INNOVATION_NOT_FOUND');
		if (!current.deleted_at) throw new AppError('NOT_DELETED');
		const version = await updateInnovationIfVersion(trx, input.id, current.version, {
			deleted_at: null,
			deleted_by: null,
			delete_reason: null
		});
		if (version === null) throw new AppError('STALE_VERSION');
		await appendChanges(trx, [
			{
				entityType: 'innovation',
				entityId: input.id,
				version,
				action: 'restore',
				actor: actor.id,
				changes: { deleted_at: { from: new Date(current.deleted_at).toISOString(), to: null } },
				reason: input.reason ?? null
			}
		]);
		return { version };
	});
	clearReadCaches(db);
	return outcome;
}
