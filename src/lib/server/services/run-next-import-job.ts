/**
 * Takes the oldest queued import job and runs it: checks the stored upload against its checksum,
 * imports it with importSourceFile (which commits in batches and updates the run's counts after
 * each), keeps the job's heartbeat fresh meanwhile, and records the outcome. A process killed
 * mid-way leaves the job 'running' with a heartbeat that stops moving; recoverInterruptedImports
 * re-queues it and the rerun completes the work.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { importJobPayloadSchema } from '../domain/import/import-job';
import { AppError } from '../errors';
import { readUpload } from '../import/upload-store';
import { linkNewRunToJob, setRunJob } from '../repositories/import-run-repository';
import { claimNextJob, finishJob, touchJob } from '../repositories/job-repository';
import { importSourceFile } from './import-source-file';

export interface RunImportJobOptions {
	/** Who is working: `host:pid:nonce`, stored in jobs.locked_by. */
	workerId: string;
	uploadDir: string;
	stopWords?: ReadonlySet<string>;
	heartbeatMs?: number;
	/** Passed to the importer (tests use small batches to see several commits). */
	batchSize?: number;
	/** True once the worker is shutting down: a failure then leaves the job for recovery. */
	isStopping?: () => boolean;
}

export interface RanImportJob {
	jobId: number;
	runId: number | null;
	status: 'succeeded' | 'failed' | 'abandoned';
	error?: string;
}

const DEFAULT_HEARTBEAT_MS = 10_000;
const INTERNAL_MESSAGE = 'Impor gagal karena kesalahan pada server. Lihat log server untuk rinciannya.';

/** Runs one job; null when none is queued. */
export async function runNextImportJob(db: Kysely<DB>, options: RunImportJobOptions): Promise<RanImportJob | null> {
	const job = await claimNextJob(db, 'import', options.workerId);
	if (!job) return null;
	const claimedAt = job.locked_at ?? new Date(0);

	const payload = importJobPayloadSchema.safeParse(job.payload);
	if (!payload.success) {
		const error = 'Data antrean impor rusak; unggah ulang berkasnya.';
		await finishJob(db, job.id, options.workerId, { status: 'failed', error });
		return { jobId: job.id, runId: null, status: 'failed', error };
	}
	const { source, fileName, storedName, checksum, mapping } = payload.data;

	let runId: number | null = null;
	let ticking: Promise<void> | null = null;
	// Keeps the job alive and, until it is known, finds the run the importer has created.
	const tick = () => {
		ticking ??= (async () => {
			try {
				await touchJob(db, job.id, options.workerId);
				if (runId === null) runId = await linkNewRunToJob(db, { id: job.id, source, checksum, actor: job.actor, claimedAt });
			} catch (error) {
				console.error(`Detak antrean impor #${job.id} gagal: ${(error as Error).message}`);
			} finally {
				ticking = null;
			}
		})();
	};
	const heartbeat = setInterval(tick, options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
	heartbeat.unref();

	try {
		const bytes = await readUpload(options.uploadDir, storedName, checksum);
		const result = await importSourceFile(db, {
			source,
			fileName,
			bytes,
			...(mapping ? { mapping } : {}),
			actor: job.actor,
			...(options.stopWords ? { stopWords: options.stopWords } : {}),
			...(options.batchSize ? { batchSize: options.batchSize } : {}),
			onProgress: () => {
				if (runId === null) tick();
			}
		});
		clearInterval(heartbeat);
		await (ticking as Promise<void> | null);
		runId = result.runId;
		await setRunJob(db, result.runId, job.id);
		const failed = result.status === 'failed';
		await finishJob(db, job.id, options.workerId, failed ? { status: 'failed', error: `Impor #${result.runId} gagal.` } : { status: 'succeeded' });
		return { jobId: job.id, runId, status: failed ? 'failed' : 'succeeded' };
	} catch (error) {
		clearInterval(heartbeat);
		await (ticking as Promise<void> | null);
		// Shutting down (the database is closing under the import): recovery picks the job up again.
		if (options.isStopping?.()) return { jobId: job.id, runId, status: 'abandoned' };
		if (runId === null) runId = await linkNewRunToJob(db, { id: job.id, source, checksum, actor: job.actor, claimedAt });
		const message = error instanceof AppError ? error.message : INTERNAL_MESSAGE;
		if (!(error instanceof AppError)) console.error(`Antrean impor #${job.id} gagal:`, error);
		await finishJob(db, job.id, options.workerId, { status: 'failed', error: message });
		return { jobId: job.id, runId, status: 'failed', error: message };
	}
}
