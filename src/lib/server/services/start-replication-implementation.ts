import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { startImplementationSchema, type StartImplementationInput } from '../domain/replication/replication-input';
import { addMonths } from '../domain/replication/state-machine';
import type { Actor } from '../policy';
import { parseStepInput, runReplicationStep, type StepOptions, type StepResult } from './replication-steps';

/**
 * The replicator starts implementing (plan submitted, commitment letter uploaded): the first
 * monitoring report falls due `monitoring_interval_months` after the start.
 */
export async function startReplicationImplementation(
	db: Kysely<DB>,
	actor: Actor,
	input: StartImplementationInput,
	options: StepOptions = {}
): Promise<StepResult & { nextReportDueOn: string }> {
	const data = parseStepInput(startImplementationSchema, input);
	let nextReportDueOn = '';
	const result = await runReplicationStep(
		db,
		actor,
		{
			action: 'startImplementation',
			id: data.id,
			expectedVersion: data.version,
			changes: ({ before }) => {
				nextReportDueOn = addMonths(data.startedOn, before.monitoring_interval_months);
				return { implementation_started_on: data.startedOn, next_report_due_on: nextReportDueOn };
			},
			after: async () => ({ startedOn: data.startedOn, nextReportDueOn })
		},
		options
	);
	return { ...result, nextReportDueOn };
}
