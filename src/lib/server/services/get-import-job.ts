/** One queued upload: whether it waits, runs or failed, and the run it became. */
import type { Kysely } from 'kysely';
import type { DB, JobStatus, SourceKey } from '../db/schema';
import { importJobPayloadSchema } from '../domain/import/import-job';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policy';
import { findLatestRunOfJob } from '../repositories/import-run-repository';
import { findJob } from '../repositories/job-repository';
import { toIso } from './list-import-runs';

export interface ImportJobView {
	id: number;
	status: JobStatus;
	source: SourceKey | null;
	fileName: string;
	attempts: number;
	createdAt: string;
	error: string | null;
	/** The newest run of this job, once the worker has started it. */
	runId: number | null;
}

export async function getImportJob(db: Kysely<DB>, actor: Actor, id: number): Promise<ImportJobView> {
	authorize(actor, 'import.run');
	const job = await findJob(db, id);
	if (!job || job.kind !== 'import') throw new AppError('IMPORT_JOB_NOT_FOUND', `Antrean impor #${id} tidak ditemukan.`);
	const payload = importJobPayloadSchema.safeParse(job.payload);
	return {
		id: job.id,
		status: job.status,
		source: payload.success ? payload.data.source : null,
		fileName: payload.success ? payload.data.fileName : '',
		attempts: job.attempts,
		createdAt: toIso(job.created_at)!,
		error: job.error,
		runId: await findLatestRunOfJob(db, job.id)
	};
}
