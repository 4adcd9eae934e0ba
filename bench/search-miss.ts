/**
 * What a search miss costs the server, in one process and without a network
 * (`npm run bench:search-miss`): builds the in-process index from an existing database (default:
 * the kept benchmark database jippnas_bench_search, see bench/search.ts with BENCH_KEEP=1), then
 * answers the benchmark's 2,400 requests through the catalogue search's direct handler — the
 * same code `serve` runs: parsing the query, the engine, the hits with their snippets, JSON and
 * gzip — with the search's answer caches emptied before each request, so every one is a miss.
 * Prints CPU milliseconds per request (the steadier figure on a shared machine) next to the
 * engine's share. BENCH_PROFILE=FILE.cpuprofile writes a CPU profile of the last round.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import { listEndpoints } from '../src/lib/server/api/define-endpoint';
import { openDatabase } from '../src/lib/server/db/database';
import { readCache } from '../src/lib/server/read-cache';
import { getSearchIndex } from '../src/lib/server/search/search-index-lifecycle';
import '../src/routes/api/v1/innovations/+server';
import { buildMix } from './search-mix';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/jippnas_bench_search';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const format = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });

async function main(): Promise<void> {
	const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
	try {
		const db = database.db;
		const started = performance.now();
		const { index } = await getSearchIndex(db);
		console.log(`Indeks: ${format.format(index.stats().liveDocuments)} dokumen, dibangun ${format.format((performance.now() - started) / 1000)} dtk; beban ${os.loadavg()[0]!.toFixed(2)}`);
		const endpoint = listEndpoints().find((e) => e.path === '/api/v1/innovations' && e.method === 'GET');
		const direct = endpoint?.direct;
		if (!direct) throw new Error('Pencarian katalog tidak punya rute langsung.');
		const mix = buildMix().map((item) => new URL(item.path, 'http://localhost'));
		const caches = ['search-results', 'search-answers'].map((name) => readCache(db, name, 0, 0));
		const profile = process.env.BENCH_PROFILE ? new Session() : null;
		let bytes = 0;
		for (let round = 0; round < ROUNDS; round++) {
			const last = round === ROUNDS - 1;
			if (last && profile) {
				profile.connect();
				await profile.post('Profiler.enable');
				await profile.post('Profiler.start');
			}
			const cpu = process.cpuUsage();
			const wall = performance.now();
			let engineMs = 0;
			for (const url of mix) {
				for (const cache of caches) cache.clear();
				const answer = await direct({ url, acceptEncoding: 'gzip, deflate, br', db });
				if (answer.status !== 200) throw new Error(`${url.search}: ${answer.status}`);
				engineMs += Number(/dur=([\d.]+)/.exec(answer.headers['server-timing'] ?? '')?.[1] ?? 0);
				if (last) bytes += answer.body.byteLength;
			}
			const used = process.cpuUsage(cpu);
			const cpuMs = (used.user + used.system) / 1000 / mix.length;
			console.log(
				`  putaran ${round + 1}: CPU ${format.format(cpuMs)} ms per permintaan (mesin ${format.format(engineMs / mix.length)} ms), ` +
					`waktu ${format.format((performance.now() - wall) / mix.length)} ms per permintaan`
			);
		}
		console.log(`  jawaban gzip rata-rata ${format.format(bytes / mix.length / 1024)} KB`);
		if (profile) {
			const { profile: data } = await profile.post('Profiler.stop');
			writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(data));
		}
	} finally {
		await database.close();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
