import cluster, { type Worker } from 'node:cluster';
import { CliError } from './arguments';
import { withServerNodeFlags } from './server-node-flags';

/**
 * `jippnas serve` with WEB_CONCURRENCY > 1 on PostgreSQL (decision 009): this primary process
 * prepares nothing itself (the caller has migrated), forks the server processes, which share the
 * port, and keeps them running. It relays "read caches cleared" between them, so that a write
 * answered by one process is not served stale by another, and stops them all on SIGINT/SIGTERM.
 */

/** The message a server process sends after a write, and receives when a sibling wrote. */
export const CLEAR_READ_CACHES = 'jippnas:clear-read-caches';
/** Environment of a server process: its number (1..N); number 1 also runs the background work. */
export const WORKER_NUMBER_ENV = 'JIPPNAS_SERVER_PROCESS';

const RESTART_DELAY_MS = 1_000;
/** A process that dies this soon after starting, again and again, is not restarted forever. */
const QUICK_DEATH_MS = 30_000;
const MAX_QUICK_DEATHS = 5;

export interface ClusterOptions {
	processes: number;
	/** Printed once every process listens. */
	onListening: () => void;
}

/** Resolves when every server process has stopped after a signal; rejects if they cannot start. */
export function superviseServerProcesses(options: ClusterOptions): Promise<void> {
	return new Promise((resolve, reject) => {
		const workers = new Map<number, Worker>();
		const startedAt = new Map<number, number>();
		let stopping = false;
		let failure: Error | null = null;
		let quickDeaths = 0;
		let listening = 0;
		let announced = false;

		cluster.setupPrimary({ execArgv: withServerNodeFlags(process.execArgv) });
		const fork = (number: number) => {
			const worker = cluster.fork({ [WORKER_NUMBER_ENV]: String(number) });
			workers.set(number, worker);
			startedAt.set(number, Date.now());
			worker.on('message', (message: unknown) => {
				if (message !== CLEAR_READ_CACHES) return;
				for (const [other, sibling] of workers) if (other !== number && sibling.isConnected()) sibling.send(CLEAR_READ_CACHES);
			});
			worker.once('listening', () => {
				listening++;
				if (!announced && listening >= options.processes) {
					announced = true;
					options.onListening();
				}
			});
			worker.once('exit', (code, signal) => {
				if (workers.get(number) === worker) workers.delete(number);
				if (stopping) {
					if (workers.size === 0) finish();
					return;
				}
				const lived = Date.now() - (startedAt.get(number) ?? 0);
				quickDeaths = lived < QUICK_DEATH_MS ? quickDeaths + 1 : 0;
				console.error(`Proses server ${number} berhenti (${signal ?? `kode ${code}`}).`);
				if (quickDeaths >= MAX_QUICK_DEATHS || (!announced && code !== 0)) {
					// Failing at start (a port in use, a bad configuration) fails in every process alike.
					failure = new CliError(`Proses server gagal berjalan (${signal ?? `kode ${code}`}); pesan galatnya tertulis di atas.`);
					stopping = true;
					for (const sibling of workers.values()) sibling.process.kill('SIGTERM');
					if (workers.size === 0) finish();
					return;
				}
				console.error(`Menjalankan ulang proses server ${number} ...`);
				setTimeout(() => !stopping && fork(number), RESTART_DELAY_MS).unref();
			});
		};

		const finish = () => {
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
			if (failure) return reject(failure);
			console.log('Server berhenti.');
			resolve();
		};

		const stop = (signal: NodeJS.Signals) => {
			if (stopping) {
				console.error('Dihentikan paksa.');
				for (const worker of workers.values()) worker.process.kill('SIGKILL');
				process.exit(130);
			}
			stopping = true;
			console.log(`\n${signal} diterima: menghentikan ${workers.size} proses server ...`);
			// Ctrl+C reaches every process of the terminal's group by itself; SIGTERM only this one.
			for (const worker of workers.values()) worker.process.kill('SIGTERM');
			if (workers.size === 0) finish();
		};
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);

		for (let number = 1; number <= options.processes; number++) fork(number);
	});
}
