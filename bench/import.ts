/**
 * Import benchmark (`npm run bench:import`): ~100,000 source records across the three sources,
 * about 30% of them cross-source duplicates, imported and deduplicated on PostgreSQL.
 *
 * Steps: a fresh database `jippnas_bench_import` on the server of BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432), migrated, with reference data; the demo corpus generator
 * (seed `bench-import`) emits each innovation as a record in one, two or three sources, with the
 * title varied per source (acronym only, expansion only, case, prefix) and the agency, region and
 * dates written the way each export writes them, until BENCH_RECORDS records (default 100,000);
 * the records are written as three files in the source formats (PANRB CSV, Kemendagri `;` CSV
 * with BOM and day-first dates, LAN JSON Lines) in a temporary folder; each file is imported with
 * importSourceFile (panrb, kemendagri, lan, in that order).
 *
 * Prints records/s, the time of each phase, peak memory and the import counts, and, since the
 * generator knows which records describe the same innovation, the pairwise precision/recall of
 * the linking. PASS/FAIL against < 60 s total (generate + write + import) and < 1 GB peak RSS
 * (exit code 1 on FAIL); figures go to bench/results/import-<date>.json. Peak memory is this
 * Node process only (RSS sampled every 250 ms, and the kernel's max RSS): PostgreSQL's own
 * memory is not counted. The database is dropped at the end unless BENCH_KEEP=1.
 */
import { createWriteStream, existsSync, readdirSync, readFileSync, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createProgress } from '../src/cli/progress';
import type { SourceKey } from '../src/lib/server/db/schema';
import { openDatabase } from '../src/lib/server/db/database';
import { runMigrations } from '../src/lib/server/db/migrate';
import { generateDemoCorpus } from '../src/lib/server/domain/demo/corpus';
import type { DemoSourceRecord } from '../src/lib/server/domain/demo/corpus-types';
import { evaluateClusters, type PairwiseEvaluation } from '../src/lib/server/domain/matching/evaluate';
import { readFileShared } from '../src/lib/server/import/read-file-shared';
import { listDemoRegions } from '../src/lib/server/repositories/demo-seed-repository';
import { listSourceRecordLinks } from '../src/lib/server/repositories/import-repository';
import { importSourceFile, type ImportSourceFileResult } from '../src/lib/server/services/import-source-file';
import { syncReferenceData } from '../src/lib/server/services/sync-reference-data';

const ROOT = path.resolve(import.meta.dirname, '..');
const DATABASE_NAME = 'jippnas_bench_import';
const SEED = 'bench-import';
const TARGET_SECONDS = 60;
const TARGET_MEMORY_BYTES = 2 ** 30;
const SAMPLE_MS = 250;
const SOURCES: readonly SourceKey[] = ['panrb', 'kemendagri', 'lan'];
const FILE_NAMES: Record<SourceKey, string> = { panrb: 'panrb.csv', kemendagri: 'kemendagri.csv', lan: 'lan.jsonl' };
const STOP_WORDS = path.resolve(ROOT, '../shared/data/bahasa/stopwords-id.txt');

const format = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
const seconds = (ms: number) => `${format.format(ms / 1000)} dtk`;
const megabytes = (bytes: number) => `${format.format(bytes / 2 ** 20)} MB`;

function recordTarget(): number {
	const value = Number(process.env.BENCH_RECORDS ?? 100_000);
	if (!Number.isInteger(value) || value < 100) throw new Error('BENCH_RECORDS harus bilangan bulat >= 100.');
	return value;
}

/** Peak RSS of this process: sampled, plus the kernel's own high-water mark (catches spikes between samples). */
function startMemorySampler() {
	let peak = process.memoryUsage().rss;
	const timer = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().rss);
	}, SAMPLE_MS);
	timer.unref();
	return {
		peak: () => Math.max(peak, process.memoryUsage().rss),
		stop: () => clearInterval(timer)
	};
}

/**
 * CPU seconds of the PostgreSQL backends serving the bench database, when the server runs on this
 * machine (Linux /proc): each backend's process title names its database. Sampled, so a backend
 * that ends between samples loses at most its last interval. With Node's own CPU time this says
 * what the import costs on a shared machine better than the wall clock does.
 */
function startPostgresCpuSampler(databaseName: string) {
	const ticks = 100; // USER_HZ on Linux
	const seen = new Map<number, number>();
	const sample = () => {
		let entries: string[];
		try {
			entries = readdirSync('/proc');
		} catch {
			return;
		}
		for (const entry of entries) {
			if (!/^\d+$/.test(entry)) continue;
			try {
				const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
				if (!cmdline.startsWith('postgres: ') || !cmdline.includes(` ${databaseName} `)) continue;
				const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
				const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
				// utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name.
				seen.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / ticks);
			} catch {
				// The process ended meanwhile.
			}
		}
	};
	const timer = setInterval(sample, 500);
	timer.unref();
	return {
		seconds: () => {
			sample();
			return [...seen.values()].reduce((sum, value) => sum + value, 0);
		},
		stop: () => clearInterval(timer)
	};
}

// ---------------------------------------------------------------------------------------------
// Source files

const csvCell = (value: unknown, delimiter: string) => {
	const text = value === null || value === undefined ? '' : String(value);
	return text.includes('"') || text.includes(delimiter) || text.includes('\n') || text.includes('\r')
		? `"${text.replace(/"/g, '""')}"`
		: text;
};

/** Serialises records of one source in its export format; the header comes from the first record. */
class SourceFileWriter {
	private headers: string[] | null = null;
	readonly stream: WriteStream;
	count = 0;

	constructor(
		readonly source: SourceKey,
		readonly file: string
	) {
		this.stream = createWriteStream(file);
		// Kemendagri exports are saved by Excel in an Indonesian locale: UTF-8 with BOM.
		if (source === 'kemendagri') this.stream.write('\uFEFF');
	}

	chunk(records: readonly DemoSourceRecord[]): string {
		if (records.length === 0) return '';
		this.count += records.length;
		if (this.source === 'lan') return records.map((r) => `${JSON.stringify(r.raw)}\n`).join('');
		const delimiter = this.source === 'kemendagri' ? ';' : ',';
		let text = '';
		if (!this.headers) {
			this.headers = Object.keys(records[0]!.raw);
			text += `${this.headers.map((h) => csvCell(h, delimiter)).join(delimiter)}\r\n`;
		}
		for (const record of records) text += `${this.headers.map((h) => csvCell(record.raw[h], delimiter)).join(delimiter)}\r\n`;
		return text;
	}

	/** Resolves once the stream has taken the text (waits when its buffer is full). */
	write(text: string): Promise<void> {
		if (text === '' || this.stream.write(text)) return Promise.resolve();
		return new Promise((resolve) => this.stream.once('drain', () => resolve()));
	}

	close(): Promise<void> {
		return new Promise((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
	}
}

interface Generated {
	records: number;
	innovations: number;
	bySource: Record<SourceKey, number>;
	/** Records whose innovation already has a record in another source. */
	duplicates: number;
	/** `source:externalId` of each record, grouped by the innovation it describes. */
	truth: Map<string, string[]>;
	generateMs: number;
	writeMs: number;
	fileBytes: Record<SourceKey, number>;
}

/**
 * Demo innovations, each emitted in one to three sources by the corpus generator, until `target`
 * records; written batch by batch so that the raw records never all sit in memory.
 */
async function generateFiles(
	regions: Parameters<typeof generateDemoCorpus>[0],
	target: number,
	dir: string
): Promise<Generated> {
	const writers = Object.fromEntries(SOURCES.map((s) => [s, new SourceFileWriter(s, path.join(dir, FILE_NAMES[s]))])) as Record<
		SourceKey,
		SourceFileWriter
	>;
	const truth = new Map<string, string[]>();
	let records = 0;
	let generateMs = 0;
	let writeMs = 0;
	const progress = createProgress('Membuat rekaman sumber');
	try {
		// At ~1.4 records per innovation the corpus is never exhausted before the target.
		const corpus = generateDemoCorpus(regions, { seed: SEED, count: target, batchSize: 1000 });
		while (records < target) {
			let started = performance.now();
			const next = corpus.next();
			if (next.done) break;
			const batch = next.value.sourceRecords.slice(0, target - records);
			for (const record of batch) {
				const members = truth.get(record.innovationId) ?? [];
				members.push(`${record.source}:${record.externalId}`);
				truth.set(record.innovationId, members);
			}
			records += batch.length;
			generateMs += performance.now() - started;

			started = performance.now();
			for (const source of SOURCES) {
				const writer = writers[source];
				await writer.write(writer.chunk(batch.filter((r) => r.source === source)));
			}
			writeMs += performance.now() - started;
			progress.update(records, target);
		}
		const started = performance.now();
		await Promise.all(SOURCES.map((s) => writers[s].close()));
		writeMs += performance.now() - started;
	} finally {
		progress.finish();
	}
	const fileBytes = Object.fromEntries(SOURCES.map((s) => [s, writers[s].stream.bytesWritten])) as Record<SourceKey, number>;
	return {
		records,
		innovations: truth.size,
		bySource: Object.fromEntries(SOURCES.map((s) => [s, writers[s].count])) as Record<SourceKey, number>,
		duplicates: records - truth.size,
		truth,
		generateMs,
		writeMs,
		fileBytes
	};
}

function loadStopWords(): Set<string> {
	if (!existsSync(STOP_WORDS)) {
		console.warn(`Peringatan: ${STOP_WORDS} tidak ada; narasi dibandingkan tanpa stop words.`);
		return new Set();
	}
	return new Set(
		readFileSync(STOP_WORDS, 'utf8')
			.split(/\r?\n/)
			.map((word) => word.trim().toLowerCase())
			.filter(Boolean)
	);
}

// ---------------------------------------------------------------------------------------------

interface ImportFigures {
	source: SourceKey;
	records: number;
	durationMs: number;
	recordsPerSecond: number;
	/** CPU seconds of this process and of the bench database's PostgreSQL backends during the import. */
	cpu: { nodeS: number; postgresS: number };
	result: Omit<ImportSourceFileResult, 'unknownColumns'> & { unknownColumns: string[] };
}

async function main(): Promise<void> {
	const target = recordTarget();
	const serverUrl = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
	if (serverUrl.pathname === '' || serverUrl.pathname === '/') serverUrl.pathname = '/postgres';
	const benchUrl = new URL(serverUrl);
	benchUrl.pathname = `/${DATABASE_NAME}`;
	const keep = process.env.BENCH_KEEP === '1';
	const memory = startMemorySampler();
	const dir = await mkdtemp(path.join(os.tmpdir(), 'jippnas-bench-import-'));

	let cleaned = false;
	const cleanUp = async () => {
		if (cleaned) return;
		cleaned = true;
		memory.stop();
		await rm(dir, { recursive: true, force: true });
		if (!keep) await dropDatabase(serverUrl.toString());
	};
	process.once('SIGINT', () => {
		interrupted = true;
		console.error('\nDihentikan: membersihkan ...');
		// Dropping the database with force cuts the running import's connections: their errors are expected now.
		process.on('uncaughtException', () => undefined);
		void cleanUp().finally(() => process.exit(130));
	});

	try {
		await dropDatabase(serverUrl.toString());
		const admin = await openDatabase({ databaseUrl: serverUrl.toString(), poolSize: 1 });
		try {
			await admin.execScript(`create database ${DATABASE_NAME}`);
		} finally {
			await admin.close();
		}
		const database = await openDatabase({ databaseUrl: benchUrl.toString(), poolSize: 4 });
		try {
			let started = performance.now();
			await runMigrations(database);
			await syncReferenceData(database.db);
			const setupMs = performance.now() - started;
			console.log(`Basis data ${DATABASE_NAME} siap (migrasi + data rujukan) dalam ${seconds(setupMs)}.`);

			const regions = await listDemoRegions(database.db);
			console.log(`Membuat ${format.format(target)} rekaman sumber (benih ${SEED}) di ${dir} ...`);
			const generated = await generateFiles(regions, target, dir);
			console.log(
				`  ${format.format(generated.records)} rekaman untuk ${format.format(generated.innovations)} inovasi ` +
					`(${SOURCES.map((s) => `${s} ${format.format(generated.bySource[s])}`).join(', ')}); ` +
					`duplikat lintas sumber ${format.format(generated.duplicates)} (${format.format((100 * generated.duplicates) / generated.records)}%)`
			);
			console.log(`  membuat ${seconds(generated.generateMs)}, menulis ${seconds(generated.writeMs)}`);

			const stopWords = loadStopWords();
			const imports: ImportFigures[] = [];
			const postgresCpu = startPostgresCpuSampler(DATABASE_NAME);
			for (const source of SOURCES) {
				const file = path.join(dir, FILE_NAMES[source]);
				// Reading the file is part of importing it; into shared memory, as the CLI does.
				const nodeCpuBefore = process.cpuUsage();
				const postgresCpuBefore = postgresCpu.seconds();
				started = performance.now();
				const bytes = await readFileShared(file);
				const progress = createProgress(`Mengimpor ${source}`);
				let result: ImportSourceFileResult;
				try {
					result = await importSourceFile(database.db, {
						source,
						fileName: FILE_NAMES[source],
						bytes,
						actor: 'bench-import',
						stopWords,
						onProgress: (done, total) => progress.update(done, total)
					});
				} finally {
					progress.finish();
				}
				const durationMs = performance.now() - started;
				const nodeCpuUsed = process.cpuUsage(nodeCpuBefore);
				const cpu = { nodeS: (nodeCpuUsed.user + nodeCpuUsed.system) / 1e6, postgresS: postgresCpu.seconds() - postgresCpuBefore };
				const records = generated.bySource[source];
				imports.push({ source, records, durationMs, recordsPerSecond: records / (durationMs / 1000), cpu, result });
				const c = result.counts;
				console.log(
					`  ${source}: ${format.format(records)} rekaman dalam ${seconds(durationMs)} ` +
						`(${format.format(records / (durationMs / 1000))} rekaman/dtk), status ${result.status}; ` +
						`baru ${c.inserted}, tertaut ${c.linked}, tinjauan ${c.review}, ditolak ${c.rejected}, ` +
						`diperbarui ${c.updated}, tetap ${c.unchanged}; baris disiapkan di ${result.preparedIn === 'worker' ? 'worker thread' : 'thread utama'}`
				);
				// Where the time went: database steps overlap (two batches are written at once).
				const steps = Object.entries(result.timings ?? {}).sort((x, y) => y[1] - x[1]);
				console.log(`    langkah (ms, dijumlah per batch): ${steps.map(([name, ms]) => `${name} ${ms}`).join(', ')}`);
				const usage = process.memoryUsage();
				console.log(
					`    CPU: Node ${format.format(cpu.nodeS)} dtk, PostgreSQL ${format.format(cpu.postgresS)} dtk; ` +
						`memori sesudahnya: RSS ${megabytes(usage.rss)}, heap ${megabytes(usage.heapUsed)}, di luar heap ${megabytes(usage.external + usage.arrayBuffers)}; puncak sejauh ini ${megabytes(memory.peak())} (kernel ${megabytes(process.resourceUsage().maxRSS * 1024)})`
				);
			}
			postgresCpu.stop();

			started = performance.now();
			const evaluation = await evaluateLinking(database, generated.truth);
			const evaluateMs = performance.now() - started;

			const importMs = imports.reduce((sum, i) => sum + i.durationMs, 0);
			const totalMs = generated.generateMs + generated.writeMs + importMs;
			const peakSampled = memory.peak();
			// maxRSS is in kilobytes; it is the true high-water mark of this process.
			const peakKernel = process.resourceUsage().maxRSS * 1024;
			const peak = Math.max(peakSampled, peakKernel);
			const totals = sumCounts(imports);
			const pass = totalMs < TARGET_SECONDS * 1000 && peak < TARGET_MEMORY_BYTES;

			console.log(`\nRingkasan (${format.format(generated.records)} rekaman sumber):`);
			const rows: Array<[string, string]> = [
				['Membuat rekaman', seconds(generated.generateMs)],
				['Menulis berkas', seconds(generated.writeMs)],
				...imports.map((i): [string, string] => [`Impor ${i.source}`, `${seconds(i.durationMs)}  (${format.format(i.recordsPerSecond)} rekaman/dtk)`]),
				['Impor seluruhnya', `${seconds(importMs)}  (${format.format(generated.records / (importMs / 1000))} rekaman/dtk)`],
				['Total', `${seconds(totalMs)}  (${format.format(generated.records / (totalMs / 1000))} rekaman/dtk)`],
				[
					'CPU impor (Node + PostgreSQL)',
					`${format.format(imports.reduce((sum, i) => sum + i.cpu.nodeS, 0))} + ${format.format(imports.reduce((sum, i) => sum + i.cpu.postgresS, 0))} dtk`
				],
				['Beban mesin (load average 1/5/15 mnt)', os.loadavg().map((value) => value.toFixed(2)).join(' / ')],
				['Memori puncak (RSS Node)', `${megabytes(peak)}  (sampel 250 ms: ${megabytes(peakSampled)}; PostgreSQL tidak dihitung)`],
				[
					'Hitungan impor',
					`baru ${totals.inserted}, tertaut ${totals.linked}, tinjauan ${totals.review}, ditolak ${totals.rejected}`
				],
				[
					'Penautan (pasangan)',
					`presisi ${evaluation.precision.toFixed(4)}, recall ${evaluation.recall.toFixed(4)}, F1 ${evaluation.f1.toFixed(4)} ` +
						`(TP ${evaluation.truePositives}, FP ${evaluation.falsePositives}, FN ${evaluation.falseNegatives})`
				]
			];
			const width = Math.max(...rows.map(([label]) => label.length));
			for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
			console.log(
				`\nTarget < ${TARGET_SECONDS} dtk dan < ${megabytes(TARGET_MEMORY_BYTES)}: ${pass ? 'PASS' : 'FAIL'}` +
					` (${seconds(totalMs)}, ${megabytes(peak)})`
			);

			const file = await writeResults({
				date: new Date().toISOString(),
				machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
				database: { server: `${serverUrl.hostname}:${serverUrl.port || 5432}`, name: DATABASE_NAME },
				seed: SEED,
				records: generated.records,
				innovations: generated.innovations,
				recordsBySource: generated.bySource,
				crossSourceDuplicates: generated.duplicates,
				fileBytes: generated.fileBytes,
				phasesMs: {
					setup: round(setupMs),
					generate: round(generated.generateMs),
					write: round(generated.writeMs),
					...Object.fromEntries(imports.map((i) => [`import_${i.source}`, round(i.durationMs)])),
					import: round(importMs),
					total: round(totalMs),
					evaluate: round(evaluateMs)
				},
				recordsPerSecond: { import: round(generated.records / (importMs / 1000)), total: round(generated.records / (totalMs / 1000)) },
				peakRssBytes: { max: peak, sampled: peakSampled, kernelMaxRss: peakKernel, note: 'Node process only; PostgreSQL not counted' },
				imports: imports.map((i) => ({ source: i.source, records: i.records, durationMs: round(i.durationMs), cpuS: { node: round(i.cpu.nodeS), postgres: round(i.cpu.postgresS) }, runId: i.result.runId, status: i.result.status, counts: i.result.counts, stepsMs: i.result.timings })),
				loadAverage: os.loadavg(),
				counts: totals,
				linking: evaluation,
				targets: { seconds: TARGET_SECONDS, memoryBytes: TARGET_MEMORY_BYTES },
				pass
			});
			console.log(`Hasil ditulis ke ${path.relative(process.cwd(), file)}`);
			if (!pass) process.exitCode = 1;
		} finally {
			await database.close();
		}
	} finally {
		await cleanUp();
		if (keep) console.log(`Basis data ${DATABASE_NAME} disimpan (BENCH_KEEP=1).`);
	}
}

function sumCounts(imports: readonly ImportFigures[]) {
	const totals = { read: 0, inserted: 0, updated: 0, unchanged: 0, linked: 0, review: 0, rejected: 0 };
	for (const { result } of imports) {
		for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += result.counts[key];
	}
	return totals;
}

/** Stored records sharing an innovation id form a predicted cluster; the generator's innovations are the truth. */
async function evaluateLinking(database: { db: Parameters<typeof listSourceRecordLinks>[0] }, truth: Map<string, string[]>): Promise<PairwiseEvaluation> {
	const links = await listSourceRecordLinks(database.db);
	const predicted = new Map<string, string[]>();
	for (const link of links) {
		if (link.innovation_id === null) continue;
		const members = predicted.get(link.innovation_id) ?? [];
		members.push(`${link.source}:${link.external_id}`);
		predicted.set(link.innovation_id, members);
	}
	return evaluateClusters([...predicted.values()], [...truth.values()]);
}

async function dropDatabase(serverUrl: string): Promise<void> {
	const admin = await openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
	try {
		await admin.execScript(`drop database if exists ${DATABASE_NAME} with (force)`);
	} finally {
		await admin.close();
	}
}

/** Set on Ctrl-C: the import then fails on its dropped database, which is no news to report. */
let interrupted = false;

const round = (value: number) => Math.round(value * 10) / 10;

async function writeResults(figures: object): Promise<string> {
	const dir = path.join(ROOT, 'bench/results');
	await mkdir(dir, { recursive: true });
	const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
	const file = path.join(dir, `import-${stamp}.json`);
	await writeFile(file, `${JSON.stringify(figures, null, 2)}\n`);
	return file;
}

main().catch((error: unknown) => {
	if (interrupted) return;
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exitCode = 1;
});
