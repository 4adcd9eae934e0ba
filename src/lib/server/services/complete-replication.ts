import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { completeReplicationSchema, type CompleteReplicationInput } from '../domain/replication/replication-input';
import type { Actor } from '../policy';
import { recomputeReplicationCount } from '../repositories/replication-repository';
import { parseStepInput, runReplicationStep, type StepOptions, type StepResult } from './replication-steps';

/**
 * The fasilitator certifies the replication (at least one monitoring report): 'selesai', with a
 * certificate number. In the same transaction the innovation's replication_count is recomputed
 * (its search entry moves with it).
 */
export async function completeReplication(
	db: Kysely<DB>,
	actor: Actor,
	input: CompleteReplicationInput,
	options: StepOptions = {}
): Promise<StepResult & { certificateNumber: string; replicationCount: number }> {
	const data = parseStepInput(completeReplicationSchema, input);
	let certificateNumber = '';
	let replicationCount = 0;
	const result = await runReplicationStep(
		db,
		actor,
		{
			action: 'complete',
			id: data.id,
			expectedVersion: data.version,
			note: data.note,
			after: async ({ trx, after }) => {
				certificateNumber = after.certificate_number ?? '';
				replicationCount = await recomputeReplicationCount(trx, after.innovation_id);
				return { certificateNumber, replicationCount };
			}
		},
		options
	);
	return { ...result, certificateNumber, replicationCount };
}
