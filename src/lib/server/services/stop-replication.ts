import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { stopReplicationSchema, type StopReplicationInput } from '../domain/replication/replication-input';
import type { Actor } from '../policy';
import { parseStepInput, runReplicationStep, type StepOptions, type StepResult } from './replication-steps';

/** The replicator or the fasilitator stops a replication under way, with a reason: 'dihentikan' (closed). */
export async function stopReplication(
	db: Kysely<DB>,
	actor: Actor,
	input: StopReplicationInput,
	options: StepOptions = {}
): Promise<StepResult> {
	const data = parseStepInput(stopReplicationSchema, input);
	return runReplicationStep(db, actor, { action: 'stop', id: data.id, expectedVersion: data.version, note: data.reason }, options);
}
