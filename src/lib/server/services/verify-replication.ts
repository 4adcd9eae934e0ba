import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { verifyReplicationSchema, type VerifyReplicationInput } from '../domain/replication/replication-input';
import type { Actor } from '../policy';
import { parseStepInput, runReplicationStep, type StepOptions, type StepResult } from './replication-steps';

/**
 * The fasilitator (the replicator's hub coordinator, or a national admin) has checked the
 * interest. With the originator's acceptance already given, the replication is 'diverifikasi'.
 */
export async function verifyReplication(
	db: Kysely<DB>,
	actor: Actor,
	input: VerifyReplicationInput,
	options: StepOptions = {}
): Promise<StepResult> {
	const data = parseStepInput(verifyReplicationSchema, input);
	return runReplicationStep(db, actor, { action: 'verify', id: data.id, expectedVersion: data.version, note: data.note }, options);
}
