/** The admin's list of imports: runs newest first, and uploads that have no run yet. */
import type { Kysely } from 'kysely';
import type { DB, ImportCounts, ImportRunStatus, JobStatus, SourceKey } from '../db/schema';
import { importJobPayloadSchema, importProgress, type ImportProgress } from '../domain/import/import-job';
import { authorize, type Actor } from '../policy';
import { countImportRuns, listImportRunsPage } from '../repositories/import-run-repository';
import { listJobsWithoutRun } from '../repositories/job-repository';

export interface ImportRunSummary {
	id: number;
	source: SourceKey;
	fileName: string;
	status: ImportRunStatus;
	counts: ImportCounts;
	progress: ImportProgress;
	/** Who started it: the user's name when the actor is a user, else the actor as recorded (e.g. cli). */
	actor: string;
	startedAt: string;
	finishedAt: string | null;
	jobId: number | null;
}

export interface PendingImportJob {
	id: number;
	status: JobStatus;
	source: SourceKey | null;
	fileName: string;
	actor: string;
	createdAt: string;
	error: string | null;
}

export interface ImportRunList {
	runs: ImportRunSummary[];
	total: number;
	pending: PendingImportJob[];
}

const PENDING_LIMIT = 20;

export const toIso = (value: Date | string | null | undefined): string | null => (value ? new Date(value).toISOString() : null);

export async function listImportRuns(db: Kysely<DB>, actor: Actor, input: { limit: number; offset: number }): Promise<ImportRunList> {
	authorize(actor, 'import.run');
	const [rows, total, jobs] = await Promise.all([
		listImportRunsPage(db, input.limit, input.offset),
		countImportRuns(db),
		listJobsWithoutRun(db, 'import', PENDING_LIMIT)
	]);
	return {
		runs: rows.map((row) => ({
			id: row.id,
			source: row.source,
			fileName: row.file_name,
			status: row.status,
			counts: row.counts,
			progress: importProgress(row.status, row.counts),
			actor: row.actor_name ?? row.actor,
			startedAt: toIso(row.started_at)!,
			finishedAt: toIso(row.finished_at),
			jobId: row.job_id
		})),
		total,
		pending: jobs.map((job) => {
			const payload = importJobPayloadSchema.safeParse(job.payload);
			return {
				id: job.id,
				status: job.status,
				source: payload.success ? payload.data.source : null,
				fileName: payload.success ? payload.data.fileName : '',
				actor: job.actor_name ?? job.actor,
				createdAt: toIso(job.created_at)!,
				error: job.error
			};
		})
	};
}
