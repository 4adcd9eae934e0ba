/**
 * The search engine alone (`npm run bench:search-engine`): builds the in-process index from an
 * existing database (default: the kept benchmark database jippnas_bench_search, see
 * bench/search.ts with BENCH_KEEP=1) and runs the benchmark's 2,400 requests straight against
 * it, single-threaded, without HTTP or SQL. Prints build time and memory, and per kind of query
 * p50/p95/max of index.search (query plus facets), and the slowest queries. For profiling:
 * BENCH_PROFILE=FILE.cpuprofile writes a CPU profile of the query phase only.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import { openDatabase } from '../src/lib/server/db/database';
import { getSearchIndex } from '../src/lib/server/search/search-index-lifecycle';
import { buildMix } from './search-mix';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/jippnas_bench_search';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const format = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });

async function main(): Promise<void> {
	const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
	try {
		const started = performance.now();
		const { index } = await getSearchIndex(database.db);
		const buildMs = performance.now() - started;
		const stats = index.stats();
		global.gc?.();
		console.log(
			`Indeks: ${format.format(stats.liveDocuments)} dokumen, ${format.format(stats.postings)} posting, dibangun ${format.format(buildMs / 1000)} dtk, ` +
				`heap ${format.format(process.memoryUsage().heapUsed / 2 ** 20)} MB, RSS ${format.format(process.memoryUsage().rss / 2 ** 20)} MB; beban ${os.loadavg()[0]!.toFixed(2)}`
		);
		const mix = buildMix().map((item) => {
			const params = new URL(item.path, 'http://x').searchParams;
			const filters: Record<string, unknown> = {};
			for (const [key, value] of params) if (key !== 'q' && key !== 'limit') filters[key] = key === 'sdg' || key.startsWith('tahun') ? Number(value) : value;
			return { kind: item.kind, path: item.path, q: params.get('q') ?? '', filters };
		});
		const profile = process.env.BENCH_PROFILE ? new Session() : null;
		if (profile) {
			profile.connect();
			await profile.post('Profiler.enable');
			await profile.post('Profiler.start');
		}
		const times = new Map<string, number[]>();
		let cpuAtLastRound = process.cpuUsage();
		const all: { path: string; ms: number; total: number }[] = [];
		let sum = 0;
		for (let round = 0; round < ROUNDS; round++) {
			if (round === ROUNDS - 1) cpuAtLastRound = process.cpuUsage();
			for (const item of mix) {
				const t = performance.now();
				const result = index.search({ q: item.q, filters: item.filters, limit: 20, offset: 0, facets: true });
				const ms = performance.now() - t;
				if (round === ROUNDS - 1) {
					times.set(item.kind, [...(times.get(item.kind) ?? []), ms]);
					times.set(`(${index.lastPlan})`, [...(times.get(`(${index.lastPlan})`) ?? []), ms]);
					all.push({ path: item.path, ms, total: result.total });
					sum += ms;
				}
			}
		}
		const cpu = process.cpuUsage(cpuAtLastRound);
		if (profile) {
			const { profile: data } = await profile.post('Profiler.stop');
			writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(data));
		}
		for (const [kind, list] of times) {
			list.sort((a, b) => a - b);
			console.log(`  ${kind.padEnd(12)} n=${list.length}  p50 ${format.format(pct(list, 50))} ms  p95 ${format.format(pct(list, 95))} ms  maks ${format.format(list.at(-1)!)} ms`);
		}
		const sorted = all.map((a) => a.ms).sort((a, b) => a - b);
		console.log(`  semua        n=${all.length}  rata-rata ${format.format(sum / all.length)} ms  p95 ${format.format(pct(sorted, 95))} ms  => ${format.format(1000 / (sum / all.length))} kueri/dtk pada satu inti`);
		// CPU time is steadier than wall time on a shared machine.
		console.log(`  waktu CPU    ${format.format((cpu.user + cpu.system) / 1000 / all.length)} ms per kueri (rata-rata)`);
		all.sort((a, b) => b.ms - a.ms);
		for (const slow of all.slice(0, 8)) console.log(`  ${format.format(slow.ms)} ms  ${slow.total} cocok  ${decodeURIComponent(slow.path)}`);
	} finally {
		await database.close();
	}
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
