/**
 * Finds imports whose process died: a running job whose heartbeat stopped (or whose process is
 * known to be gone) goes back to the queue, up to its attempt limit, and its run is marked
 * 'interrupted'; a running run with no live job behind it (a killed `jippnas import`) that has not
 * moved for a while is marked 'interrupted' too. The importer is idempotent per record, so the
 * re-queued job completes the work when it runs again.
 */
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { clearReadCaches } from '../read-cache';
import { interruptOrphanRuns, interruptRunsOfJob } from '../repositories/import-run-repository';
import { failJob, listRunningJobs, lockRunningJob, requeueJob } from '../repositories/job-repository';

export interface RecoverInterruptedImportsOptions {
	/** A job or run without a sign of life for this long is dead. */
	staleAfterMs: number;
	/**
	 * Nothing else can be working on this database (the embedded PGlite, which one process opens,
	 * at start-up): every running job and run is dead, whatever its heartbeat.
	 */
	nothingElseRunning?: boolean;
	/** Whether the worker named in jobs.locked_by still runs; undefined when it cannot be told. */
	isWorkerAlive?: (lockedBy: string) => boolean | undefined;
}

export interface RecoveredImports {
	requeuedJobs: number[];
	failedJobs: number[];
	interruptedRuns: number[];
}

export const INTERRUPTED_REQUEUED = 'Proses impor berhenti sebelum selesai; impor diulang otomatis dari antrean.';
export const INTERRUPTED_GAVE_UP = (attempts: number) =>
	`Proses impor berhenti sebelum selesai ${attempts} kali; impor tidak diulang lagi. Periksa log server, lalu unggah ulang berkasnya.`;
export const INTERRUPTED_NO_JOB = 'Proses impor berhenti sebelum selesai. Jalankan impor yang sama sekali lagi untuk menyelesaikannya.';

export async function recoverInterruptedImports(
	db: Kysely<DB>,
	options: RecoverInterruptedImportsOptions
): Promise<RecoveredImports> {
	const staleSeconds = Math.max(1, Math.round(options.staleAfterMs / 1000));
	const isAlive = options.isWorkerAlive ?? isLocalWorkerAlive;
	const outcome: RecoveredImports = { requeuedJobs: [], failedJobs: [], interruptedRuns: [] };

	for (const job of await listRunningJobs(db, staleSeconds)) {
		const dead = options.nothingElseRunning || job.stale || (job.locked_by !== null && isAlive(job.locked_by) === false);
		if (!dead) continue;
		await db.transaction().execute(async (trx) => {
			// Skipped when another process is recovering it, or its worker has just finished it.
			const locked = await lockRunningJob(trx, job.id, job.locked_by);
			if (!locked) return;
			const retry = locked.attempts < locked.max_attempts;
			const message = retry ? INTERRUPTED_REQUEUED : INTERRUPTED_GAVE_UP(locked.attempts);
			outcome.interruptedRuns.push(...(await interruptRunsOfJob(trx, job.id, message)));
			if (retry) {
				await requeueJob(trx, job.id, message);
				outcome.requeuedJobs.push(job.id);
			} else {
				await failJob(trx, job.id, message);
				outcome.failedJobs.push(job.id);
			}
		});
	}
	outcome.interruptedRuns.push(...(await interruptOrphanRuns(db, options.nothingElseRunning ? null : staleSeconds, INTERRUPTED_NO_JOB)));
	// The national figures show each source's last import and its outcome.
	if (outcome.interruptedRuns.length > 0) clearReadCaches(db);
	return outcome;
}

/**
 * A worker on this machine (`host:pid:nonce`) is gone when its process is; a worker of this
 * process or another machine is judged by its heartbeat alone.
 */
export function isLocalWorkerAlive(lockedBy: string): boolean | undefined {
	const [host, pidText] = lockedBy.split(':');
	const pid = Number(pidText);
	if (host !== hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM' ? true : false;
	}
}
