import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { draftAgreementSchema, type DraftAgreementInput } from '../domain/replication/replication-input';
import { formatAgreementNumber, yearInIndonesia } from '../domain/replication/replication-numbers';
import type { Actor } from '../policy';
import { nextYearlySequence } from '../repositories/replication-repository';
import { parseStepInput, runReplicationStep, type StepOptions, type StepResult } from './replication-steps';

/**
 * Drafts the agreement (from 'diverifikasi' to 'kesepakatan') or edits it (in 'kesepakatan',
 * which withdraws both confirmations: each side confirms what it signs). The agreement number is
 * given once, on the first draft.
 */
export async function draftReplicationAgreement(
	db: Kysely<DB>,
	actor: Actor,
	input: DraftAgreementInput,
	options: StepOptions = {}
): Promise<StepResult & { agreementNumber: string }> {
	const data = parseStepInput(draftAgreementSchema, input);
	let agreementNumber = '';
	const result = await runReplicationStep(
		db,
		actor,
		{
			action: 'draftAgreement',
			id: data.id,
			expectedVersion: data.version,
			changes: async ({ trx, before, now }) => {
				agreementNumber = before.agreement_number ?? '';
				if (!agreementNumber) {
					const year = yearInIndonesia(now);
					agreementNumber = formatAgreementNumber(await nextYearlySequence(trx, 'agreement', year), year);
				}
				return {
					agreement_number: agreementNumber,
					agreement_duties_originator: data.dutiesOriginator,
					agreement_duties_replicator: data.dutiesReplicator,
					agreement_valid_from: data.validFrom,
					agreement_valid_until: data.validUntil
				};
			},
			after: async () => ({ agreementNumber })
		},
		options
	);
	return { ...result, agreementNumber };
}
