/**
 * The server's background worker for imports started from the web: one job at a time, in the
 * server's own process (enough for PGlite, where one process owns the database; on PostgreSQL
 * every server process runs one and SKIP LOCKED keeps them apart). It looks for queued jobs
 * every `pollMs`, and every `recoverEveryMs` re-queues the jobs of processes that died.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { recoverInterruptedImports, type RecoveredImports } from '../services/recover-interrupted-imports';
import { runNextImportJob, type RanImportJob } from '../services/run-next-import-job';

export interface ImportWorkerOptions {
	uploadDir: string;
	staleAfterMs: number;
	stopWords?: ReadonlySet<string>;
	/** At start-up nobody else can be working on this database (PGlite). */
	aloneAtStart?: boolean;
	pollMs?: number;
	heartbeatMs?: number;
	recoverEveryMs?: number;
	/** How long stop() waits for the job in hand before leaving it to recovery. */
	stopGraceMs?: number;
	log?: (message: string) => void;
	onJob?: (result: RanImportJob) => void;
}

export interface ImportWorker {
	readonly id: string;
	/** Resolves after the first recovery at start-up. */
	readonly ready: Promise<RecoveredImports>;
	stop(): Promise<void>;
}

export function startImportWorker(db: Kysely<DB>, options: ImportWorkerOptions): ImportWorker {
	const id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
	const log = options.log ?? ((message: string) => console.log(message));
	const pollMs = options.pollMs ?? 1000;
	const recoverEveryMs = options.recoverEveryMs ?? Math.max(pollMs, Math.min(60_000, options.staleAfterMs / 2));
	let stopping = false;
	let wake: (() => void) | null = null;

	const recover = async (aloneNow: boolean) => {
		const result = await recoverInterruptedImports(db, { staleAfterMs: options.staleAfterMs, nothingElseRunning: aloneNow });
		if (result.requeuedJobs.length) log(`Impor yang terputus diulang dari antrean: #${result.requeuedJobs.join(', #')}.`);
		if (result.failedJobs.length) log(`Impor yang terlalu sering terputus dihentikan: #${result.failedJobs.join(', #')}.`);
		return result;
	};
	const ready = recover(options.aloneAtStart ?? false);

	const loop = (async () => {
		await ready.catch((error: unknown) => log(`Pemulihan impor gagal: ${(error as Error).message}`));
		let lastRecovery = Date.now();
		while (!stopping) {
			try {
				if (Date.now() - lastRecovery >= recoverEveryMs) {
					lastRecovery = Date.now();
					await recover(false);
				}
				const result = await runNextImportJob(db, {
					workerId: id,
					uploadDir: options.uploadDir,
					...(options.stopWords ? { stopWords: options.stopWords } : {}),
					...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
					isStopping: () => stopping
				});
				if (result) {
					options.onJob?.(result);
					const what = result.runId === null ? `antrean #${result.jobId}` : `impor #${result.runId} (antrean #${result.jobId})`;
					if (result.status === 'failed') log(`${what} gagal: ${result.error ?? ''}`);
					continue;
				}
			} catch (error) {
				if (stopping) break;
				log(`Pekerja impor: ${(error as Error).message}`);
			}
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, pollMs);
				wake = () => {
					clearTimeout(timer);
					resolve();
				};
			});
			wake = null;
		}
	})();

	return {
		id,
		ready,
		async stop() {
			stopping = true;
			(wake as (() => void) | null)?.();
			const grace = new Promise<void>((resolve) => setTimeout(resolve, options.stopGraceMs ?? 10_000).unref());
			await Promise.race([loop, grace]);
		}
	};
}
