import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from '../../src/cli/server-node-flags';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db/database';
import { DEFAULT_DEMO_COUNT } from '../../src/lib/server/services/seed-demo-data';

/**
 * The real server for browser tests: `node bin/jippnas.js serve` on a free loopback port over
 * the adapter-node build in ./build, with its own data. Embedded PGlite in a temporary
 * DATA_DIR, or, when DATABASE_URL is set, a fresh PostgreSQL database on that server.
 * Without `seedCount` on PGlite, serve seeds its default demo set by itself (the first-run path
 * a user sees); otherwise `jippnas seed --demo --count N` fills the database first, because
 * serve has no setting for the size of its demo set and never seeds PostgreSQL.
 */
export interface AppServer {
	baseUrl: string;
	/** Everything the server wrote to stderr so far, to print when a test fails. */
	stderr: string[];
	stop(): Promise<void>;
}

export interface AppServerOptions {
	/** Innovations in the demo set; default: the CLI's demo set size, seeded by serve itself on PGlite. */
	seedCount?: number;
	/** How long seeding plus start-up may take before giving up. */
	readyTimeoutMs?: number;
	/**
	 * Serve this PostgreSQL database as it is (no seeding, never dropped): the page benchmark
	 * prepares its own large data set.
	 */
	databaseUrl?: string;
	/** Extra environment for the server, e.g. DATABASE_POOL_SIZE. */
	env?: Record<string, string>;
	/**
	 * Runs after the data is prepared and before the server starts (PGlite allows one process),
	 * with the environment that points the CLI at the server's database, e.g. to create users.
	 */
	beforeServe?: (env: Record<string, string>) => Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'bin/jippnas.js');
const READY_POLL_MS = 250;
/** What `jippnas serve` prints once every server process listens. */
const SERVING_ANNOUNCEMENT = 'JIPPNas berjalan di';

export async function startAppServer(options: AppServerOptions = {}): Promise<AppServer> {
	if (!existsSync(path.join(ROOT, 'build/index.js'))) {
		throw new Error('Build tidak ditemukan: jalankan `npx vite build` sebelum tes browser.');
	}
	const readyTimeoutMs = options.readyTimeoutMs ?? 150_000;
	const stderr: string[] = [];
	const data: PreparedData = options.databaseUrl
		? { env: { DATABASE_URL: options.databaseUrl, SEED_DEMO: 'never' }, dispose: async () => {} }
		: await prepareData(options.seedCount, stderr);
	if (options.beforeServe) {
		try {
			await options.beforeServe({ ...data.env, ...options.env });
		} catch (error) {
			await data.dispose();
			throw error;
		}
	}
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;

	// The flags `npm start` gives the server.
	const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, CLI, 'serve'], {
		cwd: ROOT,
		env: {
			...childEnv(),
			...data.env,
			...options.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			LOG_LEVEL: 'warn'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	collect(child, stderr);
	// serve prints its address once every process listens: with WEB_CONCURRENCY > 1 the first
	// process may answer while the other still starts, and new connections would all go to it.
	let announced = false;
	let stdoutTail = '';
	child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
		stdoutTail = (stdoutTail + chunk).slice(-4_096);
		if (stdoutTail.includes(SERVING_ANNOUNCEMENT)) announced = true;
	});

	const stop = async () => {
		await terminate(child);
		await data.dispose();
	};
	try {
		await waitUntilReady(baseUrl, child, stderr, readyTimeoutMs, () => announced);
	} catch (error) {
		await stop();
		throw error;
	}
	return { baseUrl, stderr, stop };
}

interface PreparedData {
	env: Record<string, string>;
	dispose(): Promise<void>;
}

async function prepareData(seedCount: number | undefined, stderr: string[]): Promise<PreparedData> {
	const serverUrl = process.env.DATABASE_URL;
	if (!serverUrl) {
		const dataDir = await mkdtemp(path.join(tmpdir(), 'jippnas-browser-'));
		const dispose = () => rm(dataDir, { recursive: true, force: true });
		const env = { DATA_DIR: dataDir, DATABASE_URL: '', SEED_DEMO: 'auto' };
		if (seedCount === undefined) return { env, dispose };
		try {
			await runCli(['seed', '--demo', '--count', String(seedCount)], env, stderr);
		} catch (error) {
			await dispose();
			throw error;
		}
		return { env: { ...env, SEED_DEMO: 'never' }, dispose };
	}
	const name = `jippnas_browser_${randomBytes(6).toString('hex')}`;
	const admin = await openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
	await admin.execScript(`create database ${name}`);
	await admin.close();
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const drop = async () => {
		const again = await openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
		await again.execScript(`drop database if exists ${name} with (force)`);
		await again.close();
	};
	const env = { DATABASE_URL: url.toString(), SEED_DEMO: 'never' };
	try {
		await runCli(['seed', '--demo', '--count', String(seedCount ?? DEFAULT_DEMO_COUNT)], env, stderr);
	} catch (error) {
		await drop();
		throw error;
	}
	return { env, dispose: drop };
}

function runCli(args: string[], env: Record<string, string>, stderr: string[]): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI, ...args], {
			cwd: ROOT,
			env: { ...childEnv(), ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		collect(child, stderr);
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			if (code === 0) resolve();
			else
				reject(
					new Error(
						`jippnas ${args.join(' ')} gagal (kode ${code ?? signal}):\n${stderr.join('')}`
					)
				);
		});
	});
}

/**
 * The environment for the CLI: ours without what vitest adds (it sets BASE_URL=/ and MODE,
 * DEV, PROD, SSR from Vite, and BASE_URL means the public site address to the server).
 */
function childEnv(): NodeJS.ProcessEnv {
	const env = { ...process.env };
	for (const key of Object.keys(env)) {
		if (key.startsWith('VITEST') || ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST'].includes(key)) delete env[key];
	}
	env.NODE_ENV = 'production';
	return env;
}

function collect(child: ChildProcess, stderr: string[]): void {
	child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
	// stdout is drained so a chatty child never blocks on a full pipe.
	child.stdout?.resume();
}

async function waitUntilReady(
	baseUrl: string,
	child: ChildProcess,
	stderr: string[],
	timeoutMs: number,
	announced: () => boolean
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let exited: string | undefined;
	child.once('exit', (code, signal) => (exited = String(code ?? signal)));
	let lastError = '';
	while (Date.now() < deadline) {
		if (exited !== undefined) {
			throw new Error(`Server berhenti sebelum siap (kode ${exited}):\n${stderr.join('')}`);
		}
		try {
			const response = await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(5_000) });
			await response.arrayBuffer();
			if (response.status < 500 && announced()) return;
			lastError = response.status < 500 ? `"${SERVING_ANNOUNCEMENT}" belum tercetak` : `HTTP ${response.status}`;
		} catch (error) {
			lastError = (error as Error).message;
		}
		await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
	}
	throw new Error(
		`Server tidak siap dalam ${timeoutMs / 1000} detik (${lastError}):\n${stderr.join('')}`
	);
}

async function terminate(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill('SIGTERM');
	const killTimer = setTimeout(() => child.kill('SIGKILL'), 10_000);
	await exited;
	clearTimeout(killTimer);
}

/** A port nobody listens on right now: the OS picks it, we release it for the server. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => {
				if (address && typeof address === 'object') resolve(address.port);
				else reject(new Error('Tidak dapat memilih port'));
			});
		});
	});
}

/**
 * A database of the test's own, filled by `prepare` before the server starts (PGlite allows one
 * process): a fresh PostgreSQL database when DATABASE_URL is set, else PGlite in a temporary
 * DATA_DIR. Gives the options for `startAppServer` and the clean-up for afterAll.
 * `filesDir`: on PostgreSQL, uploaded documents go to their own temporary FILES_DIR (on PGlite
 * they go to DATA_DIR/berkas).
 */
export async function prepareServerDatabase(
	label: string,
	prepare: (database: AppDatabase) => Promise<void>,
	{ filesDir = false }: { filesDir?: boolean } = {}
): Promise<{ options: AppServerOptions; cleanup: () => Promise<void> }> {
	const serverUrl = process.env.DATABASE_URL;
	if (serverUrl) {
		const name = `jippnas_${label}_${Date.now().toString(36)}`;
		const admin = await openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
		await admin.execScript(`create database ${name}`);
		await admin.close();
		const url = new URL(serverUrl);
		url.pathname = `/${name}`;
		const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
		await prepare(database);
		await database.close();
		const files = filesDir ? await mkdtemp(path.join(tmpdir(), `jippnas-${label}-files-`)) : undefined;
		return {
			options: files ? { databaseUrl: url.toString(), env: { FILES_DIR: files } } : { databaseUrl: url.toString() },
			cleanup: async () => {
				const again = await openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
				await again.execScript(`drop database if exists ${name} with (force)`);
				await again.close();
				if (files) await rm(files, { recursive: true, force: true });
			}
		};
	}
	const dataDir = await mkdtemp(path.join(tmpdir(), `jippnas-${label}-`));
	const database = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
	await prepare(database);
	await database.close();
	// The server uses this data directory instead of its own (options.env wins).
	return {
		options: { env: { DATA_DIR: dataDir, SEED_DEMO: 'never', DATABASE_URL: '' } },
		cleanup: () => rm(dataDir, { recursive: true, force: true })
	};
}
