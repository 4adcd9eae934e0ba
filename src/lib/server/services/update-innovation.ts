import type { Kysely } from 'kysely';
import type { DB, InnovationUpdate } from '../db/schema';
import { innovationChangesSchema, toColumns } from '../domain/innovation-edit';
import { diffRecords } from '../domain/record-diff';
import { AppError, validationError } from '../errors';
import { authorize, type Actor } from '../policy';
import { clearReadCaches } from '../read-cache';
import { appendChanges } from '../repositories/change-history-repository';
import { lockInnovation, updateInnovationIfVersion } from '../repositories/innovation-repository';

export interface UpdateInnovationInput {
	id: string;
	/** The version the editor loaded; a different stored version means someone else edited first. */
	expectedVersion: number;
	changes: unknown;
	reason?: string;
}

/**
 * Applies an edit with optimistic concurrency and keeps the history: the change log entry holds
 * every changed field with its old and new value, and the whole record after the change.
 */
export async function updateInnovation(db: Kysely<DB>, actor: Actor, input: UpdateInnovationInput) {
	const parsed = innovationChangesSchema.safeParse(input.changes);
	if (!parsed.success) throw validationError(parsed.error);
	const columns = toColumns(parsed.data);

	const outcome = await db.transaction().execute(async (trx) => {
		const current = await lockInnovation(trx, input.id);
		if (!current || current.deleted_at) throw new AppError('INNOVATION_NOT_FOUND');
		authorize(actor, 'innovation.update', current);
		if (current.version !== input.expectedVersion) throw new AppError('STALE_VERSION');

		const changes = diffRecords(current as unknown as Record<string, unknown>, columns);
		if (Object.keys(changes).length === 0) return { version: current.version, changed: [] as string[] };

		const provenance = { ...current.provenance };
		for (const column of Object.keys(changes)) provenance[column] = { source: 'manual' };
		const version = await updateInnovationIfVersion(trx, input.id, input.expectedVersion, {
			...(columns as InnovationUpdate),
			provenance: JSON.stringify(provenance)
		});
		if (version === null) throw new AppError('STALE_VERSION');

		const after = await lockInnovation(trx, input.id);
		await appendChanges(trx, [
			{
				entityType: 'innovation',
				entityId: input.id,
				version,
				action: 'update',
				actor: actor.id,
				changes,
				snapshot: after as unknown as Record<string, unknown>,
				reason: input.reason ?? null
			}
		]);
		return { version, changed: Object.keys(changes) };
	});
	clearReadCaches(db);
	return outcome;
}
