import type { Kysely } from 'kysely';
import type { ChangeAction, DB } from '../db/schema';
import { insertRows } from './bulk-insert';

export interface ChangeEntry {
	entityType: string;
	entityId: string;
	version: number | null;
	action: ChangeAction;
	actor: string;
	changes?: Record<string, { from: unknown; to: unknown }>;
	snapshot?: Record<string, unknown> | null;
	reason?: string | null;
}

export async function appendChanges(db: Kysely<DB>, entries: ChangeEntry[]): Promise<void> {
	for (let i = 0; i < entries.length; i += 500) {
		await insertRows(
			db,
			'change_history',
			entries.slice(i, i + 500).map((e) => ({
				entity_type: e.entityType,
				entity_id: e.entityId,
				version: e.version,
				action: e.action,
				actor: e.actor,
				changes: JSON.stringify(e.changes ?? {}),
				snapshot: e.snapshot ? JSON.stringify(e.snapshot) : null,
				reason: e.reason ?? null
			}))
		);
	}
}

export function listChangesOf(db: Kysely<DB>, entityType: string, entityId: string) {
	return db
		.selectFrom('change_history')
		.select(['id', 'version', 'action', 'actor', 'changes', 'reason', 'changed_at'])
		.where('entity_type', '=', entityType)
		.where('entity_id', '=', entityId)
		.orderBy('id', 'desc')
		.execute();
}

export function findSnapshot(db: Kysely<DB>, entityType: string, entityId: string, version: number) {
	return db
		.selectFrom('change_history')
		.select(['snapshot', 'changed_at', 'actor', 'version'])
		.where('entity_type', '=', entityType)
		.where('entity_id', '=', entityId)
		.where('version', '=', version)
		.orderBy('id', 'desc')
		.executeTakeFirst();
}
