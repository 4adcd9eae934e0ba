import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { declineReplicationSchema, type DeclineReplicationInput } from '../domain/replication/replication-input';
import type { Actor } from '../policy';
import { parseStepInput, runReplicationStep, type StepOptions, type StepResult } from './replication-steps';

/** The originator or the fasilitator declines the interest, with a reason: 'ditolak' (closed). */
export async function declineReplication(
	db: Kysely<DB>,
	actor: Actor,
	input: DeclineReplicationInput,
	options: StepOptions = {}
): Promise<StepResult> {
	const data = parseStepInput(declineReplicationSchema, input);
	return runReplicationStep(db, actor, { action: 'decline', id: data.id, expectedVersion: data.version, note: data.reason }, options);
}
