import type { Kysely } from 'kysely';
import type { DB, ReplicationState } from '../db/schema';

/**
 * Replications that may have a reminder due: a report due on or before `reportDueBy` while
 * reporting, or an agreement ending between `agreementFrom` and `agreementTo` while it binds.
 * The domain (deadlines.ts) decides exactly which reminders; this only narrows the rows.
 */
export function listReminderCandidates(
	db: Kysely<DB>,
	window: {
		reportingStates: readonly ReplicationState[];
		reportDueBy: string;
		agreementStates: readonly ReplicationState[];
		agreementFrom: string;
		agreementTo: string;
	}
) {
	return db
		.selectFrom('replications')
		.select(['id', 'state', 'next_report_due_on', 'agreement_valid_until'])
		.where((eb) =>
			eb.or([
				eb.and([
					eb('state', 'in', [...window.reportingStates]),
					eb('next_report_due_on', '<=', window.reportDueBy)
				]),
				eb.and([
					eb('state', 'in', [...window.agreementStates]),
					eb('agreement_valid_until', '>=', window.agreementFrom),
					eb('agreement_valid_until', '<=', window.agreementTo)
				])
			])
		)
		.orderBy('id')
		.execute();
}

/**
 * Records that a reminder is sent; false when it was already (the unique key of replication,
 * kind and due date). Concurrent runs wait for each other here and only one sends.
 */
export async function recordReminderOnce(
	db: Kysely<DB>,
	reminder: { replicationId: string; kind: string; dueOn: string; sentAt: Date }
): Promise<boolean> {
	const row = await db
		.insertInto('replication_reminders')
		.values({ replication_id: reminder.replicationId, kind: reminder.kind, due_on: reminder.dueOn, sent_at: reminder.sentAt })
		.onConflict((oc) => oc.columns(['replication_id', 'kind', 'due_on']).doNothing())
		.returning('id')
		.executeTakeFirst();
	return row !== undefined;
}
