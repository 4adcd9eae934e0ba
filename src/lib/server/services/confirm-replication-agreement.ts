import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { confirmAgreementSchema, type ConfirmAgreementInput } from '../domain/replication/replication-input';
import type { Actor } from '../policy';
import { parseStepInput, runReplicationStep, type StepOptions, type StepResult } from './replication-steps';

/**
 * One side confirms the drafted agreement: the originator as PIHAK PERTAMA, the replicator as
 * PIHAK KEDUA. An admin stepping in names the side (`side`).
 */
export async function confirmReplicationAgreement(
	db: Kysely<DB>,
	actor: Actor,
	input: ConfirmAgreementInput,
	options: StepOptions = {}
): Promise<StepResult> {
	const data = parseStepInput(confirmAgreementSchema, input);
	return runReplicationStep(
		db,
		actor,
		{ action: 'confirmAgreement', id: data.id, expectedVersion: data.version, input: { side: data.side } },
		options
	);
}
