import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { listChangesOf } from '../repositories/change-history-repository';

/** Every recorded change of an innovation, newest first: who, when, what changed and why. */
export async function listInnovationHistory(db: Kysely<DB>, id: string) {
	const rows = await listChangesOf(db, 'innovation', id);
	return rows.map((row) => ({
		version: row.version,
		action: row.action,
		actor: row.actor,
		changes: row.changes,
		reason: row.reason,
		changedAt: new Date(row.changed_at).toISOString()
	}));
}
