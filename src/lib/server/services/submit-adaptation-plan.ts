import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { submitPlanSchema, type SubmitPlanInput } from '../domain/replication/replication-input';
import type { Actor } from '../policy';
import { parseStepInput, runReplicationStep, type StepOptions, type StepResult } from './replication-steps';

/**
 * The replicator submits the adaptation plan (what changes to fit local conditions, team, budget,
 * target date): from 'kesepakatan' once both sides confirmed and the signed agreement is
 * uploaded, to 'persiapan'; in 'persiapan' it edits the plan.
 */
export async function submitAdaptationPlan(
	db: Kysely<DB>,
	actor: Actor,
	input: SubmitPlanInput,
	options: StepOptions = {}
): Promise<StepResult> {
	const data = parseStepInput(submitPlanSchema, input);
	return runReplicationStep(
		db,
		actor,
		{
			action: 'submitPlan',
			id: data.id,
			expectedVersion: data.version,
			changes: () => ({
				plan_changes: data.changes,
				plan_team: data.team,
				plan_budget_rupiah: data.budgetRupiah,
				plan_target_date: data.targetDate
			})
		},
		options
	);
}
