import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { acceptReplicationSchema, type AcceptReplicationInput } from '../domain/replication/replication-input';
import type { Actor } from '../policy';
import { parseStepInput, runReplicationStep, type StepOptions, type StepResult } from './replication-steps';

/**
 * The originator (inovator; or an admin stepping in) accepts the interest. With the
 * fasilitator's verification already given, the replication is 'diverifikasi'.
 */
export async function acceptReplication(
	db: Kysely<DB>,
	actor: Actor,
	input: AcceptReplicationInput,
	options: StepOptions = {}
): Promise<StepResult> {
	const data = parseStepInput(acceptReplicationSchema, input);
	return runReplicationStep(db, actor, { action: 'accept', id: data.id, expectedVersion: data.version, note: data.note }, options);
}
