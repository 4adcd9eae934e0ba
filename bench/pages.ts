/**
 * Page benchmark (`npm run bench:pages`): the public pages and the list API under load,
 * against `jippnas serve` on PostgreSQL with 100,000 demo innovations.
 *
 * Steps: a fresh database `jippnas_bench` on the server of BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432), migrated and seeded; `npx vite build` when ./build is
 * missing; the server on a loopback port; then, per target, a few seconds of sequential
 * warm-up requests, ~10 s of autocannon with 50 connections, and a wait until the server has
 * worked off the requests autocannon abandoned when it stopped (so they do not slow the next
 * target). Prints requests/s, p50/p95/p99 and errors per target,
 * PASS/FAIL against p95 < 100 ms (exit code 1 on FAIL), and writes the figures to
 * bench/results/pages-<date>.json. The database is dropped at the end unless BENCH_KEEP=1;
 * BENCH_REUSE=1 reuses a kept database that already has the 100,000 innovations.
 *
 * Note: on this 2-core machine autocannon and the server share the CPU, so the figures are a
 * floor rather than what a dedicated server would do.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createProgress } from '../src/cli/progress';
import { openDatabase, type AppDatabase } from '../src/lib/server/db/database';
import { runMigrations } from '../src/lib/server/db/migrate';
import { innovationFiltersSchema } from '../src/lib/server/domain/innovation-filters';
import { listInnovations } from '../src/lib/server/services/list-innovations';
import { seedDemoData } from '../src/lib/server/services/seed-demo-data';
import { startAppServer, type AppServer } from '../tests/support/app-server';

// autocannon ships no types; this is the part of its API the benchmark uses.
interface AutocannonRequest {
	method?: string;
	path?: string;
	setupRequest?: (request: AutocannonRequest, context: object) => AutocannonRequest;
}
interface AutocannonOptions {
	url: string;
	connections: number;
	duration: number;
	headers?: Record<string, string>;
	requests?: AutocannonRequest[];
	timeout?: number;
}
interface AutocannonResult {
	requests: { average: number; total: number };
	latency: { p50: number; p99: number; max: number };
	errors: number;
	timeouts: number;
	non2xx: number;
	duration: number;
	statusCodeStats: Record<string, { count: number }>;
}
interface AutocannonInstance extends PromiseLike<AutocannonResult> {
	on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void): void;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: AutocannonOptions) => AutocannonInstance;

const ROOT = path.resolve(import.meta.dirname, '..');
const DATABASE_NAME = 'jippnas_bench';
const INNOVATIONS = 100_000;
const CONNECTIONS = 50;
const DURATION_S = 10;
const WARMUP_S = 3;
const WARMUP_MAX_REQUESTS = 50;
// Generous, so that slow answers are measured as latency instead of dropped as timeouts.
const REQUEST_TIMEOUT_S = 30;
const DRAIN_TIMEOUT_MS = 120_000;
const TARGET_P95_MS = 100;
const ID_SAMPLE = 200;
// What a browser sends: the server compresses pages and JSON, which is part of the cost.
const HEADERS = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html,application/json' };

interface Target {
	name: string;
	path: string;
	/** Paths to rotate through instead of one path (innovation pages). */
	paths?: string[];
}

interface TargetResult {
	name: string;
	path: string;
	requests: number;
	requestsPerSecond: number;
	latencyMs: { p50: number; p95: number; p99: number; max: number };
	errors: number;
	timeouts: number;
	non2xx: number;
	statusCodes: Record<string, number>;
	pass: boolean;
}

const flag = (name: string) => process.env[name] === '1';
const format = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

async function main(): Promise<void> {
	const serverUrl = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
	if (serverUrl.pathname === '' || serverUrl.pathname === '/') serverUrl.pathname = '/postgres';
	const benchUrl = new URL(serverUrl);
	benchUrl.pathname = `/${DATABASE_NAME}`;
	const keep = flag('BENCH_KEEP');

	let server: AppServer | undefined;
	let cleaned = false;
	const cleanUp = async () => {
		if (cleaned) return;
		cleaned = true;
		await server?.stop();
		if (!keep) await dropDatabase(serverUrl.toString());
	};
	process.once('SIGINT', () => {
		console.error('\nDihentikan: membersihkan ...');
		void cleanUp().finally(() => process.exit(130));
	});

	try {
		const seeding = await prepareDatabase(serverUrl.toString(), benchUrl.toString());
		const ids = await sampleInnovationIds(benchUrl.toString());

		if (!existsSync(path.join(ROOT, 'build/handler.js'))) await buildApp();

		const targets: Target[] = [
			{ name: 'Beranda', path: '/' },
			{ name: 'Katalog', path: '/katalog' },
			{ name: 'Katalog tersaring', path: '/katalog?provinsi=35&tahap=pengembangan' },
			{ name: 'Halaman inovasi', path: '/inovasi/:id', paths: ids.map((id) => `/inovasi/${id}`) },
			{ name: 'API daftar inovasi', path: '/api/v1/innovations' }
		];
		// The server as deployed (anonymous answers reused for PAGE_CACHE_SECONDS=10) is what the
		// target is judged on; the same run without that cache shows the cost of rendering itself.
		const modes = [
			{ name: 'dengan cache jawaban publik (PAGE_CACHE_SECONDS=10)', env: { PAGE_CACHE_SECONDS: '10' }, judged: true },
			{ name: 'tanpa cache jawaban publik (PAGE_CACHE_SECONDS=0)', env: { PAGE_CACHE_SECONDS: '0' }, judged: false }
		];
		const runs: Array<{ mode: string; judged: boolean; results: TargetResult[] }> = [];
		for (const mode of modes) {
			console.log(`\n=== Server ${mode.name} ===`);
			server = await startAppServer({ databaseUrl: benchUrl.toString(), readyTimeoutMs: 120_000, env: mode.env });
			console.log(`Server siap di ${server.baseUrl}`);
			const results: TargetResult[] = [];
			for (const target of targets) {
				console.log(`\n${target.name} (${target.path}): pemanasan, lalu ${DURATION_S} dtk × ${CONNECTIONS} koneksi ...`);
				const idleMs = await warmUp(server.baseUrl, target);
				const result = await measure(server.baseUrl, target);
				results.push(result);
				console.log(
					`  ${format.format(result.requestsPerSecond)} req/dtk, p50 ${format.format(result.latencyMs.p50)} ms, ` +
						`p95 ${format.format(result.latencyMs.p95)} ms (satu permintaan tanpa beban: ${format.format(idleMs)} ms)`
				);
				await waitUntilDrained(server.baseUrl, target, idleMs);
			}
			const serverErrors = server.stderr.join('').trim();
			if (serverErrors) console.log(`\nstderr server:\n${serverErrors.split('\n').slice(-20).join('\n')}`);
			await server.stop();
			server = undefined;
			runs.push({ mode: mode.name, judged: mode.judged, results });
		}

		for (const run of runs) {
			console.log(`\nServer ${run.mode}:`);
			printTable(run.results);
		}
		const pass = runs.filter((r) => r.judged).every((r) => r.results.every((x) => x.pass));
		console.log(`\nTarget p95 < ${TARGET_P95_MS} ms tanpa galat (server seperti dipasang): ${pass ? 'PASS' : 'FAIL'}`);

		const file = await writeResults({
			date: new Date().toISOString(),
			machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
			database: { server: `${serverUrl.hostname}:${serverUrl.port || 5432}`, name: DATABASE_NAME, innovations: seeding.innovations },
			seeding,
			load: { connections: CONNECTIONS, durationSeconds: DURATION_S, requestTimeoutSeconds: REQUEST_TIMEOUT_S, headers: HEADERS },
			targetP95Ms: TARGET_P95_MS,
			pass,
			runs
		});
		console.log(`Hasil ditulis ke ${path.relative(process.cwd(), file)}`);
		if (!pass) process.exitCode = 1;
	} finally {
		await cleanUp();
		if (keep) console.log(`Basis data ${DATABASE_NAME} disimpan (BENCH_KEEP=1).`);
	}
}

interface SeedingFigures {
	reused: boolean;
	innovations: number;
	durationMs: number | null;
}

/** A database with the 100,000 innovations: the kept one (BENCH_REUSE=1) or a fresh one. */
async function prepareDatabase(serverUrl: string, benchUrl: string): Promise<SeedingFigures> {
	if (flag('BENCH_REUSE') && (await databaseExists(serverUrl))) {
		const database = await openDatabase({ databaseUrl: benchUrl, poolSize: 2 });
		try {
			await runMigrations(database);
			const innovations = await countInnovations(database);
			if (innovations >= INNOVATIONS) {
				console.log(`Memakai ulang basis data ${DATABASE_NAME} (${format.format(innovations)} inovasi).`);
				return { reused: true, innovations, durationMs: null };
			}
			console.log(`Basis data ${DATABASE_NAME} hanya berisi ${format.format(innovations)} inovasi: dibuat ulang.`);
		} finally {
			await database.close();
		}
	}
	await dropDatabase(serverUrl);
	const admin = await openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
	try {
		await admin.execScript(`create database ${DATABASE_NAME}`);
	} finally {
		await admin.close();
	}

	const database = await openDatabase({ databaseUrl: benchUrl, poolSize: 4 });
	try {
		await runMigrations(database);
		console.log(`Mengisi ${format.format(INNOVATIONS)} inovasi contoh ke ${DATABASE_NAME} ...`);
		const progress = createProgress('Mengisi data contoh');
		const started = performance.now();
		let outcome;
		try {
			outcome = await seedDemoData(database.db, {
				count: INNOVATIONS,
				seed: 'bench-pages',
				onProgress: (done, total) => progress.update(done, total)
			});
		} finally {
			progress.finish();
		}
		const durationMs = Math.round(performance.now() - started);
		console.log(
			`Pengisian selesai dalam ${format.format(durationMs / 1000)} dtk: ${format.format(outcome.innovations)} inovasi, ` +
				`${format.format(outcome.awards)} penghargaan, ${format.format(outcome.sourceRecords)} rekaman sumber.`
		);
		// What autovacuum does some time after a bulk load (statistics, visibility map for
		// index-only scans), so the plans measured are the steady-state ones.
		await database.execScript('vacuum analyze');
		return { reused: false, innovations: outcome.innovations, durationMs };
	} finally {
		await database.close();
	}
}

async function databaseExists(serverUrl: string): Promise<boolean> {
	const admin = await openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
	try {
		const { rows } = await sql`select 1 from pg_database where datname = ${DATABASE_NAME}`.execute(admin.db);
		return rows.length > 0;
	} finally {
		await admin.close();
	}
}

async function dropDatabase(serverUrl: string): Promise<void> {
	const admin = await openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
	try {
		await admin.execScript(`drop database if exists ${DATABASE_NAME} with (force)`);
	} finally {
		await admin.close();
	}
}

const noFilters = () => innovationFiltersSchema.parse({});

async function countInnovations(database: AppDatabase): Promise<number> {
	return (await listInnovations(database.db, noFilters(), { limit: 1, offset: 0 })).total;
}

/** Real innovation ids spread over the whole catalogue, for the innovation-page target. */
async function sampleInnovationIds(benchUrl: string): Promise<string[]> {
	const database = await openDatabase({ databaseUrl: benchUrl, poolSize: 2 });
	try {
		const total = await countInnovations(database);
		const slices = 5;
		const perSlice = Math.ceil(ID_SAMPLE / slices);
		const ids: string[] = [];
		for (let i = 0; i < slices; i++) {
			const offset = Math.floor((total / slices) * i);
			const page = await listInnovations(database.db, noFilters(), { limit: perSlice, offset });
			ids.push(...page.items.map((item) => item.id));
		}
		if (ids.length === 0) throw new Error('Tidak ada inovasi di basis data benchmark.');
		return ids;
	} finally {
		await database.close();
	}
}

function buildApp(): Promise<void> {
	console.log('Folder build belum ada: menjalankan npx vite build ...');
	return new Promise((resolve, reject) => {
		const child = spawn('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
		child.on('error', reject);
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build gagal (kode ${code})`))));
	});
}

/** One request, timed; anything but 200 stops the benchmark, so a broken page fails loudly. */
async function timedRequest(baseUrl: string, pathname: string): Promise<number> {
	const started = performance.now();
	const response = await fetch(baseUrl + pathname, { headers: HEADERS, signal: AbortSignal.timeout(REQUEST_TIMEOUT_S * 1000) });
	await response.arrayBuffer();
	if (response.status !== 200) throw new Error(`${pathname} menjawab HTTP ${response.status}`);
	return performance.now() - started;
}

/**
 * Sequential requests for a few seconds (JIT, database caches), without a backlog left behind.
 * Returns the median latency of one request on an idle server.
 */
async function warmUp(baseUrl: string, target: Target): Promise<number> {
	const paths = target.paths ?? [target.path];
	const times: number[] = [];
	const until = performance.now() + WARMUP_S * 1000;
	while (times.length < WARMUP_MAX_REQUESTS && (times.length < 3 || performance.now() < until)) {
		times.push(await timedRequest(baseUrl, paths[times.length % paths.length]!));
	}
	return round(percentile(times.sort((a, b) => a - b), 50));
}

/**
 * When autocannon stops, the server still works on the requests it abandoned. Waits (bounded)
 * until one request is about as fast as on the idle server again.
 */
async function waitUntilDrained(baseUrl: string, target: Target, idleMs: number): Promise<void> {
	const pathname = target.paths?.[0] ?? target.path;
	const deadline = performance.now() + DRAIN_TIMEOUT_MS;
	while (performance.now() < deadline) {
		if ((await timedRequest(baseUrl, pathname)) <= Math.max(3 * idleMs, idleMs + 20)) return;
	}
	console.warn(`  Peringatan: server belum kembali tenang setelah ${DRAIN_TIMEOUT_MS / 1000} dtk.`);
}

function requestsFor(target: Target): AutocannonRequest[] | undefined {
	const paths = target.paths;
	if (!paths) return undefined;
	let next = 0;
	return [
		{
			method: 'GET',
			setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] })
		}
	];
}

async function measure(baseUrl: string, target: Target): Promise<TargetResult> {
	// autocannon 9 reports p50, p97.5 and p99 but no p95: keep every latency and rank them.
	const latencies: number[] = [];
	const instance = autocannon({
		url: baseUrl + (target.paths ? '/' : target.path),
		connections: CONNECTIONS,
		duration: DURATION_S,
		headers: HEADERS,
		requests: requestsFor(target),
		timeout: REQUEST_TIMEOUT_S
	});
	instance.on('response', (_client, _status, _bytes, responseTimeMs) => latencies.push(responseTimeMs));
	const result = await instance;
	latencies.sort((a, b) => a - b);
	const p95 = percentile(latencies, 95);
	const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]));
	const failures = result.errors + result.timeouts + result.non2xx;
	return {
		name: target.name,
		path: target.path,
		requests: result.requests.total,
		requestsPerSecond: round(result.requests.total / result.duration),
		latencyMs: {
			p50: round(percentile(latencies, 50)),
			p95: round(p95),
			p99: round(percentile(latencies, 99)),
			max: round(latencies.at(-1) ?? 0)
		},
		errors: result.errors,
		timeouts: result.timeouts,
		non2xx: result.non2xx,
		statusCodes,
		pass: latencies.length > 0 && p95 < TARGET_P95_MS && failures === 0
	};
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

const round = (value: number) => Math.round(value * 10) / 10;

function printTable(results: TargetResult[]): void {
	const rows = [
		['Target', 'Jalur', 'req/dtk', 'p50 ms', 'p95 ms', 'p99 ms', 'galat', 'non-2xx', 'hasil'],
		...results.map((r) => [
			r.name,
			r.path,
			format.format(r.requestsPerSecond),
			format.format(r.latencyMs.p50),
			format.format(r.latencyMs.p95),
			format.format(r.latencyMs.p99),
			String(r.errors + r.timeouts),
			String(r.non2xx),
			r.pass ? 'PASS' : 'FAIL'
		])
	];
	const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
	const line = (row: string[]) =>
		row.map((cell, column) => (column >= 2 && column <= 7 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ');
	console.log(`\n${line(rows[0]!)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
	for (const row of rows.slice(1)) console.log(line(row));
}

async function writeResults(figures: object): Promise<string> {
	const dir = path.join(ROOT, 'bench/results');
	await mkdir(dir, { recursive: true });
	const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
	const file = path.join(dir, `pages-${stamp}.json`);
	await writeFile(file, `${JSON.stringify(figures, null, 2)}\n`);
	return file;
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exitCode = 1;
});
