import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, unlink } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/lib/server/errors';
import { startImportWorker } from '../../src/lib/server/jobs/import-worker';
import type { Actor } from '../../src/lib/server/policy';
import { findImportRun } from '../../src/lib/server/repositories/import-repository';
import { claimNextJob, findJob } from '../../src/lib/server/repositories/job-repository';
import { getNationalStatistics } from '../../src/lib/server/services/get-national-statistics';
import { getImportJob } from '../../src/lib/server/services/get-import-job';
import { getImportProgress } from '../../src/lib/server/services/get-import-progress';
import { getImportRun } from '../../src/lib/server/services/get-import-run';
import { importSourceFile } from '../../src/lib/server/services/import-source-file';
import { listImportRuns } from '../../src/lib/server/services/list-import-runs';
import { queueImportJob, type QueueImportJobInput } from '../../src/lib/server/services/queue-import-job';
import {
	INTERRUPTED_GAVE_UP,
	INTERRUPTED_NO_JOB,
	INTERRUPTED_REQUEUED,
	isLocalWorkerAlive,
	recoverInterruptedImports
} from '../../src/lib/server/services/recover-interrupted-imports';
import { runNextImportJob, type RanImportJob } from '../../src/lib/server/services/run-next-import-job';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const SAMPLES = path.resolve(import.meta.dirname, '../../../shared/samples');
const panrbCsv = readFileSync(path.join(SAMPLES, 'panrb.csv'));
const lanJson = readFileSync(path.join(SAMPLES, 'lan.json'));

const admin: Actor = { id: 'admin@panrb', role: 'admin' };
const operator: Actor = { id: 'op@ngada', role: 'operator', agencyId: 'pemkab-53.09' };
const MB = 1024 * 1024;
const STALE_MS = 5 * 60_000;

let database: TestDatabase;
let uploadDir: string;

const file = (bytes: Uint8Array | string, name: string) => new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name);
const queue = (input: Partial<QueueImportJobInput>, actor: Actor = admin) =>
	queueImportJob(database.db, actor, { source: 'panrb', file: file(panrbCsv, 'panrb.csv'), uploadDir, maxBytes: 50 * MB, ...input });
const worker = (id = `${hostname()}:${process.pid}:test`) => ({ workerId: id, uploadDir, heartbeatMs: 50 });

async function count(table: 'jobs' | 'import_runs' | 'source_records' | 'innovations'): Promise<number> {
	const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	return Number(row.n);
}

async function rejection(work: Promise<unknown>): Promise<AppError> {
	try {
		await work;
	} catch (error) {
		if (error instanceof AppError) return error;
		throw error;
	}
	throw new Error('did not fail');
}

/** A worker that died long ago: claimed, heartbeat an hour old. */
async function killWorkerOf(jobId: number, lockedBy: string, heartbeatAgo = '1 hour') {
	await database.db
		.updateTable('jobs')
		.set({ heartbeat_at: sql<Date>`now() - ${heartbeatAgo}::interval` })
		.where('id', '=', jobId)
		.execute();
	expect((await findJob(database.db, jobId))!.locked_by).toBe(lockedBy);
}

beforeAll(async () => {
	database = await createTestDatabase();
	uploadDir = await mkdtemp(path.join(tmpdir(), 'jippnas-uploads-'));
}, 120_000);

afterAll(async () => {
	await database?.dispose();
	if (uploadDir) await rm(uploadDir, { recursive: true, force: true });
});

beforeEach(async () => {
	// Each test starts with no jobs or runs (source records stay: the importer is idempotent).
	await database.db.updateTable('import_runs').set({ job_id: null }).execute();
	await database.db.deleteFrom('jobs').execute();
	await database.db.updateTable('import_runs').set({ status: 'succeeded' }).where('status', '=', 'running').execute();
});

describe('queueImportJob refuses a bad upload with its reason and queues nothing', () => {
	const cases: Array<[string, Partial<QueueImportJobInput>, string]> = [
		['an unknown source', { source: 'bps' }, 'Pilih sumber data: KemenPANRB, Kemendagri atau LAN.'],
		['no source', { source: undefined }, 'Pilih sumber data: KemenPANRB, Kemendagri atau LAN.'],
		['no file chosen', { file: file('', '') }, 'Pilih berkas ekspor sumber yang akan diimpor.'],
		['an empty file', { file: file('', 'panrb.csv') }, 'Berkas yang diunggah kosong.'],
		['a file over 1 MB', { file: file(new Uint8Array(MB + 1).fill(65), 'besar.csv'), maxBytes: MB }, 'Berkas terlalu besar: maksimal 1 MB.'],
		['a file type no reader knows', { file: file('%PDF-1.7', 'laporan.pdf') }, 'Jenis berkas tidak didukung. Unggah berkas XLSX, CSV, JSON atau JSON Lines.'],
		[
			'an unreadable spreadsheet',
			{ file: file('PK\u0003\u0004 bukan excel', 'panrb.xlsx') },
			'Berkas XLSX tidak dapat dibaca. Pastikan berkas disimpan dalam format Excel (.xlsx).'
		],
		['a CSV with a quote never closed', { file: file('ID Inovasi,Judul Inovasi\nSNV-1,"Tanpa tutup\n', 'panrb.csv') }, 'Berkas CSV tidak dapat dibaca (tanda kutip tidak ditutup sejak sekitar baris 2).'],
		['a file with only a header', { file: file(panrbCsv.toString('utf8').split('\n')[0]! + '\n', 'panrb.csv') }, 'Berkas tidak berisi baris data.'],
		['another source\'s export', { file: file(lanJson, 'lan.json') }, 'Kolom wajib tidak ada: ID Inovasi, Judul Inovasi'],
		['a mapping profile that is not JSON', { mapping: file('{ bukan json', 'profil.json') }, 'Profil pemetaan bukan JSON yang sah.'],
		[
			'a mapping profile of another source',
			{ mapping: file(readFileSync(path.resolve(import.meta.dirname, '../../src/lib/server/domain/import/profiles/lan.json')), 'lan.json') },
			'Profil pemetaan ditulis untuk sumber "lan", bukan "panrb".'
		],
		['a mapping profile that breaks the rules', { mapping: file('{"source":"panrb","version":2,"columns":{}}', 'p.json') }, 'Profil pemetaan tidak valid (version): Invalid input: expected 1']
	];
	for (const [what, input, message] of cases) {
		it(`${what}: "${message}"`, async () => {
			const error = await rejection(queue(input));
			expect(error.message).toBe(message);
			expect(await count('jobs')).toBe(0);
			expect(await readdir(uploadDir).catch(() => [])).toEqual([]);
		});
	}

	it('refuses a user who may not import', async () => {
		expect((await rejection(queue({}, operator))).code).toBe('FORBIDDEN');
		expect(await count('jobs')).toBe(0);
	});
});

describe('an upload goes from the queue through the worker to a finished run', () => {
	it('stores the file by its checksum, runs it, and records the counts, the run and who started it', async () => {
		const queued = await queue({});
		expect(await readdir(uploadDir)).toEqual([`${queued.checksum}.csv`]);
		expect(await getImportJob(database.db, admin, queued.jobId)).toMatchObject({ status: 'queued', fileName: 'panrb.csv', source: 'panrb', runId: null });

		const ran = await runNextImportJob(database.db, { ...worker(), batchSize: 10 });
		expect(ran).toMatchObject({ jobId: queued.jobId, status: 'succeeded' });
		expect(await runNextImportJob(database.db, worker())).toBeNull();

		const run = await findImportRun(database.db, ran!.runId!);
		expect(run).toMatchObject({ status: 'partly', job_id: queued.jobId, actor: admin.id, file_name: 'panrb.csv', checksum: queued.checksum });
		expect(run!.counts).toMatchObject({ read: 42, inserted: 41, rejected: 1 });
		expect(await findJob(database.db, queued.jobId)).toMatchObject({ status: 'succeeded', attempts: 1, locked_by: null, error: null });
		expect(await getImportJob(database.db, admin, queued.jobId)).toMatchObject({ status: 'succeeded', runId: ran!.runId });

		expect(await getImportProgress(database.db, admin, ran!.runId!)).toMatchObject({ status: 'partly', done: 42, total: 42, percent: 100, finished: true });
		const list = await listImportRuns(database.db, admin, { limit: 10, offset: 0 });
		expect(list.runs[0]).toMatchObject({ id: ran!.runId, status: 'partly', actor: admin.id, jobId: queued.jobId });
		expect(list.pending).toEqual([]);

		const detail = await getImportRun(database.db, admin, { id: ran!.runId!, limit: 50, offset: 0 });
		expect(detail.quarantine.total).toBe(1);
		expect(detail.quarantine.rows[0]!.reasons[0]!.message.length).toBeGreaterThan(10);
		expect(detail.quarantine.rows[0]!.values.some((v) => v.column === 'ID Inovasi')).toBe(true);
	});

	it('imports the same file again as unchanged, each record still stored once', async () => {
		const before = await count('source_records');
		await queue({});
		const ran = await runNextImportJob(database.db, worker());
		expect((await findImportRun(database.db, ran!.runId!))!.counts).toMatchObject({ read: 42, inserted: 0, unchanged: 41, rejected: 1 });
		expect(await count('source_records')).toBe(before);
	});

	it('fails the job with its reason when the stored upload has gone, and lists it as waiting no more', async () => {
		const queued = await queue({ file: file(panrbCsv.toString('utf8').replace('LAYANAN PBB LUNAS DARING', 'LAYANAN PBB LUNAS'), 'panrb-2.csv') });
		await unlink(path.join(uploadDir, `${queued.checksum}.csv`));
		const ran = await runNextImportJob(database.db, worker());
		expect(ran).toMatchObject({ jobId: queued.jobId, runId: null, status: 'failed' });
		expect(ran!.error).toBe(`Berkas unggahan ${queued.checksum}.csv tidak ada lagi di ${uploadDir}. Unggah ulang berkasnya.`);
		const list = await listImportRuns(database.db, admin, { limit: 10, offset: 0 });
		expect(list.pending).toEqual([expect.objectContaining({ id: queued.jobId, status: 'failed', error: ran!.error, fileName: 'panrb-2.csv' })]);
	});

	it('is run by the server\'s worker loop', async () => {
		const queued = await queue({});
		let done!: (result: RanImportJob) => void;
		const finished = new Promise<RanImportJob>((resolve) => (done = resolve));
		const loop = startImportWorker(database.db, { uploadDir, staleAfterMs: STALE_MS, pollMs: 20, onJob: done, log: () => undefined });
		try {
			expect(await finished).toMatchObject({ jobId: queued.jobId, status: 'succeeded' });
		} finally {
			await loop.stop();
		}
		expect(await findJob(database.db, queued.jobId)).toMatchObject({ status: 'succeeded', locked_by: null });
	});
});

describe('an import killed mid-way is completed by the rerun', () => {
	it('marks the killed run interrupted, re-queues its job, and the rerun stores every record once', async () => {
		// A fresh registry for panrb: the killed run is the first to see these records.
		await database.db.deleteFrom('source_record_block_keys').execute();
		await database.db.deleteFrom('source_record_versions').execute();
		await database.db.deleteFrom('match_reviews').execute();
		await database.db.deleteFrom('source_records').execute();
		await database.db.deleteFrom('awards').execute();
		await database.db.deleteFrom('innovations').execute();

		const queued = await queue({});
		const deadWorker = `${hostname()}-mati:4242:dead`;
		const job = await claimNextJob(database.db, 'import', deadWorker);
		expect(job!.id).toBe(queued.jobId);
		// What the killed process got done: its first batches (20 of the 42 rows) were committed,
		// then it died with its run still 'running' and its job's heartbeat stopped.
		const lines = panrbCsv.toString('utf8').split('\n');
		const firstHalf = new TextEncoder().encode(lines.slice(0, 21).join('\n') + '\n');
		const partial = await importSourceFile(database.db, { source: 'panrb', fileName: 'panrb.csv', bytes: firstHalf, actor: admin.id, batchSize: 10 });
		await database.db
			.updateTable('import_runs')
			.set({ status: 'running', finished_at: null, job_id: queued.jobId })
			.where('id', '=', partial.runId)
			.execute();
		await killWorkerOf(queued.jobId, deadWorker);
		expect(await count('source_records')).toBe(20);

		const recovered = await recoverInterruptedImports(database.db, { staleAfterMs: STALE_MS });
		expect(recovered).toEqual({ requeuedJobs: [queued.jobId], failedJobs: [], interruptedRuns: [partial.runId] });
		expect(await findImportRun(database.db, partial.runId)).toMatchObject({ status: 'interrupted', error: INTERRUPTED_REQUEUED });
		expect(await findJob(database.db, queued.jobId)).toMatchObject({ status: 'queued', locked_by: null, attempts: 1 });
		const lastImport = async () => (await getNationalStatistics(database.db)).bySource.find((s) => s.source === 'panrb')!.lastImport;
		expect(await lastImport()).toMatchObject({ status: 'interrupted', counts: { read: 20 } });

		const rerun = await runNextImportJob(database.db, worker());
		expect(rerun).toMatchObject({ jobId: queued.jobId, status: 'succeeded' });
		expect((await findImportRun(database.db, rerun!.runId!))!.counts).toMatchObject({ read: 42, inserted: 21, unchanged: 20, rejected: 1 });
		expect(await findJob(database.db, queued.jobId)).toMatchObject({ status: 'succeeded', attempts: 2 });
		// The national figures show the outcome of the run that completed the work.
		expect(await lastImport()).toMatchObject({ status: 'partly', counts: { read: 42 } });

		// Every record once, each linked to an innovation, and no innovation twice for one record.
		const records = await database.db.selectFrom('source_records').select(['external_id', 'innovation_id']).where('source', '=', 'panrb').execute();
		expect(records).toHaveLength(41);
		expect(new Set(records.map((r) => r.external_id)).size).toBe(41);
		expect(records.every((r) => r.innovation_id !== null)).toBe(true);
		expect(await count('innovations')).toBe(new Set(records.map((r) => r.innovation_id)).size);

		const interrupted = await getImportRun(database.db, admin, { id: partial.runId, limit: 10, offset: 0 });
		expect(interrupted).toMatchObject({ status: 'interrupted', continuedBy: rerun!.runId, error: INTERRUPTED_REQUEUED });
		expect(await getImportJob(database.db, admin, queued.jobId)).toMatchObject({ runId: rerun!.runId });
	});

	it('leaves a job alone while its heartbeat is fresh', async () => {
		const queued = await queue({});
		await claimNextJob(database.db, 'import', 'elsewhere:1:alive');
		expect(await recoverInterruptedImports(database.db, { staleAfterMs: STALE_MS })).toEqual({ requeuedJobs: [], failedJobs: [], interruptedRuns: [] });
		expect((await findJob(database.db, queued.jobId))!.status).toBe('running');
	});

	it('re-queues every running job at start-up when nothing else can be working (PGlite)', async () => {
		const queued = await queue({});
		await claimNextJob(database.db, 'import', 'elsewhere:1:alive');
		const recovered = await recoverInterruptedImports(database.db, { staleAfterMs: STALE_MS, nothingElseRunning: true });
		expect(recovered.requeuedJobs).toEqual([queued.jobId]);
	});

	it('re-queues at once a job whose process on this machine is gone', async () => {
		const queued = await queue({});
		const gone = spawnSync(process.execPath, ['-e', '']).pid;
		await claimNextJob(database.db, 'import', `${hostname()}:${gone}:x`);
		expect(isLocalWorkerAlive(`${hostname()}:${gone}:x`)).toBe(false);
		expect(isLocalWorkerAlive(`${hostname()}:${process.ppid}:x`)).toBe(true);
		expect(isLocalWorkerAlive(`elsewhere:${gone}:x`)).toBeUndefined();
		expect((await recoverInterruptedImports(database.db, { staleAfterMs: STALE_MS })).requeuedJobs).toEqual([queued.jobId]);
	});

	it('gives up on a job that keeps dying, with the reason', async () => {
		const queued = await queue({});
		await database.db.updateTable('jobs').set({ attempts: 2 }).where('id', '=', queued.jobId).execute();
		await claimNextJob(database.db, 'import', 'elsewhere:1:dead');
		await killWorkerOf(queued.jobId, 'elsewhere:1:dead');
		const recovered = await recoverInterruptedImports(database.db, { staleAfterMs: STALE_MS });
		expect(recovered).toMatchObject({ requeuedJobs: [], failedJobs: [queued.jobId] });
		expect(await findJob(database.db, queued.jobId)).toMatchObject({ status: 'failed', error: INTERRUPTED_GAVE_UP(3) });
	});

	it('marks a killed command-line import interrupted once it has stopped moving, not before', async () => {
		const result = await importSourceFile(database.db, { source: 'lan', fileName: 'lan.json', bytes: new Uint8Array(lanJson), actor: 'cli' });
		await database.db.updateTable('import_runs').set({ status: 'running', finished_at: null }).where('id', '=', result.runId).execute();
		expect((await recoverInterruptedImports(database.db, { staleAfterMs: STALE_MS })).interruptedRuns).toEqual([]);

		// updated_at is kept by a trigger; pretend the last batch was committed an hour ago.
		await database.db.executeQuery(sql`alter table import_runs disable trigger import_runs_touch`.compile(database.db));
		await database.db.executeQuery(sql`update import_runs set updated_at = now() - interval '1 hour' where id = ${result.runId}`.compile(database.db));
		await database.db.executeQuery(sql`alter table import_runs enable trigger import_runs_touch`.compile(database.db));
		expect((await recoverInterruptedImports(database.db, { staleAfterMs: STALE_MS })).interruptedRuns).toEqual([result.runId]);
		expect(await findImportRun(database.db, result.runId)).toMatchObject({ status: 'interrupted', error: INTERRUPTED_NO_JOB });
	});
});
