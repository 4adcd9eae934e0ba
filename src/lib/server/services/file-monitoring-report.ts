import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { fileReportSchema, type FileReportInput } from '../domain/replication/replication-input';
import { addMonths } from '../domain/replication/state-machine';
import type { Actor } from '../policy';
import { insertReplicationReport } from '../repositories/replication-repository';
import { parseStepInput, runReplicationStep, type StepOptions, type StepResult } from './replication-steps';

/**
 * The replicator files a periodic monitoring report (outcomes, lessons learned): the replication
 * is 'pemantauan' and the next report falls due one interval later. A report file
 * (laporan_pemantauan) is uploaded separately with the returned `reportId`.
 */
export async function fileMonitoringReport(
	db: Kysely<DB>,
	actor: Actor,
	input: FileReportInput,
	options: StepOptions = {}
): Promise<StepResult & { reportId: number; nextReportDueOn: string }> {
	const data = parseStepInput(fileReportSchema, input);
	let reportId = 0;
	let nextReportDueOn = '';
	const result = await runReplicationStep(
		db,
		actor,
		{
			action: 'fileReport',
			id: data.id,
			expectedVersion: data.version,
			changes: ({ before }) => {
				// The schedule keeps its rhythm: a late report does not push later ones back.
				const due = before.next_report_due_on ?? data.periodEnd;
				nextReportDueOn = addMonths(due, before.monitoring_interval_months);
				return { next_report_due_on: nextReportDueOn };
			},
			after: async ({ trx, before }) => {
				reportId = await insertReplicationReport(trx, {
					replicationId: before.id,
					periodStart: data.periodStart,
					periodEnd: data.periodEnd,
					outcomes: data.outcomes,
					lessons: data.lessons,
					filedBy: actor.id
				});
				return { reportId, periodStart: data.periodStart, periodEnd: data.periodEnd, nextReportDueOn };
			}
		},
		options
	);
	return { ...result, reportId, nextReportDueOn };
}
