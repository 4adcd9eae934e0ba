import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { cancelReplicationSchema, type CancelReplicationInput } from '../domain/replication/replication-input';
import type { Actor } from '../policy';
import { parseStepInput, runReplicationStep, type StepOptions, type StepResult } from './replication-steps';

/**
 * The replicator or the fasilitator cancels a replication before implementation starts, with a
 * reason: 'dibatalkan' (closed).
 */
export async function cancelReplication(
	db: Kysely<DB>,
	actor: Actor,
	input: CancelReplicationInput,
	options: StepOptions = {}
): Promise<StepResult> {
	const data = parseStepInput(cancelReplicationSchema, input);
	return runReplicationStep(db, actor, { action: 'cancel', id: data.id, expectedVersion: data.version, note: data.reason }, options);
}
