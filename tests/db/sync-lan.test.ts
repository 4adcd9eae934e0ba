import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/lib/server/errors';
import { findLatestSync, findSync } from '../../src/lib/server/repositories/source-sync-repository';
import { INCREMENTAL_OVERLAP_MS, syncLanSource, type SyncLanSourceInput } from '../../src/lib/server/services/sync-lan-source';
import { lanSampleRecords, startLanApiServer, type LanApiServer } from '../support/lan-api-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Each scenario has its own server, so its own base URL and its own sync history; they share one
// database, so later scenarios re-import records the first one stored (unchanged).
const SAMPLE_COUNT = lanSampleRecords().length; // 21 records: 7 pages of 3

let database: TestDatabase;
let dataDir: string;
const servers: LanApiServer[] = [];

beforeAll(async () => {
	database = await createTestDatabase();
	dataDir = mkdtempSync(path.join(tmpdir(), 'jippnas-sync-lan-'));
});
afterEach(async () => {
	await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(async () => {
	await database?.dispose();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function server() {
	const started = await startLanApiServer();
	servers.push(started);
	return started;
}

function sync(target: LanApiServer, extra: Partial<SyncLanSourceInput> & { sleeps?: number[] } = {}) {
	const { sleeps = [], ...rest } = extra;
	return syncLanSource(database.db, {
		baseUrl: target.url,
		databaseKind: database.kind,
		dataDir,
		actor: 'test',
		perPage: 3,
		retries: 2,
		timeoutMs: 5_000,
		client: { sleep: async (ms) => void sleeps.push(ms) },
		...rest
	});
}

async function count(table: 'source_records' | 'source_record_versions' | 'import_runs' | 'innovations' | 'quarantined_rows') {
	const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	return Number(row.n);
}

async function registryCounts() {
	return {
		sourceRecords: await count('source_records'),
		versions: await count('source_record_versions'),
		importRuns: await count('import_runs'),
		innovations: await count('innovations'),
		quarantined: await count('quarantined_rows')
	};
}

const stagedLines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

async function failure(promise: Promise<unknown>): Promise<AppError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(AppError);
	return error as AppError;
}

describe('syncLanSource', () => {
	it('pulls every page of a first sync, stages it, imports every LAN sample record and links the import run', async () => {
		const lan = await server();
		const pages: [number, number][] = [];
		const imported: number[] = [];
		const result = await sync(lan, { onPage: (done, last) => pages.push([done, last]), onImportProgress: (done) => imported.push(done) });

		expect(lan.requests.map((r) => [r.page, r.perPage, r.updatedSince])).toEqual([1, 2, 3, 4, 5, 6, 7].map((p) => [p, 3, null]));
		expect(pages).toEqual([1, 2, 3, 4, 5, 6, 7].map((p) => [p, 7]));
		expect(imported.at(-1)).toBe(SAMPLE_COUNT);
		expect(result).toMatchObject({ resumed: false, since: null, pagesFetched: 7, lastPage: 7, total: SAMPLE_COUNT, recordsFetched: SAMPLE_COUNT });
		expect(result.import).toMatchObject({ status: 'succeeded', counts: { read: SAMPLE_COUNT, inserted: SAMPLE_COUNT, rejected: 0 } });

		const lanIds = await database.db.selectFrom('source_records').select('external_id').where('source', '=', 'lan').execute();
		expect(lanIds.map((r) => r.external_id).sort()).toEqual(lanSampleRecords().map((r) => String(r.id)).sort());

		const row = await findSync(database.db, result.syncId);
		expect(row).toMatchObject({
			source: 'lan',
			base_url: lan.url,
			status: 'succeeded',
			pages_fetched: 7,
			last_page: 7,
			total: SAMPLE_COUNT,
			records_fetched: SAMPLE_COUNT,
			import_run_id: result.import!.runId,
			error: null
		});
		expect(row!.finished_at).toBeInstanceOf(Date);
		expect(row!.staged_file).toBe(path.join(path.resolve(dataDir), 'sync', `lan-${result.syncId}.jsonl`));
		expect(stagedLines(row!.staged_file!).map((line) => (JSON.parse(line) as { id: number }).id)).toEqual(
			lanSampleRecords()
				.map((r) => r.id)
				.sort((a, b) => a - b)
		);
	});

	it('retries a page that answers 503 twice, after the back-off, and completes', async () => {
		const lan = await server();
		lan.fault = (request) => (request.page === 2 && request.attempt <= 2 ? { status: 503, headers: { 'retry-after': '3' } } : undefined);
		const sleeps: number[] = [];
		const result = await sync(lan, { sleeps });

		expect(lan.requests.map((r) => r.page)).toEqual([1, 2, 2, 2, 3, 4, 5, 6, 7]);
		expect(sleeps).toEqual([3000, 3000]);
		// Same records as the first scenario: re-importing them changes nothing.
		expect(result.import).toMatchObject({ status: 'succeeded', counts: { read: SAMPLE_COUNT, inserted: 0, updated: 0, unchanged: SAMPLE_COUNT } });
	});

	it('stops at a page that keeps failing, keeps the fetched pages, and a rerun resumes from that page without refetching', async () => {
		const lan = await server();
		lan.fault = (request) => (request.page === 3 ? { status: 500 } : undefined);
		const before = await registryCounts();

		const error = await failure(sync(lan));
		const failed = (await findLatestSync(database.db, 'lan', lan.url))!;
		expect(error.code).toBe('SOURCE_UNAVAILABLE');
		expect(error.message).toBe(
			`API LAN gagal menjawab halaman 3 setelah 3 percobaan (terakhir: HTTP 500 Internal Server Error). Sinkronisasi #${failed.id} berhenti di halaman 3 (2 halaman sudah tersimpan); jalankan perintah yang sama lagi untuk melanjutkan dari halaman 3.`
		);
		expect(lan.requests.map((r) => r.page)).toEqual([1, 2, 3, 3, 3]);
		expect(failed).toMatchObject({ status: 'failed', pages_fetched: 2, last_page: 7, records_fetched: 6, import_run_id: null });
		expect(failed.error).toMatch(/^API LAN gagal menjawab halaman 3/);
		expect(stagedLines(failed.staged_file!)).toHaveLength(6);
		expect(await registryCounts()).toEqual(before);

		// A crash while writing page 3 would leave half a line after what was recorded: it is cut off.
		appendFileSync(failed.staged_file!, '{"id": 99999, "judul_inov');

		lan.fault = undefined;
		lan.requests.length = 0;
		const starts: unknown[] = [];
		const result = await sync(lan, { perPage: 50, onStart: (info) => starts.push(info) });

		// Resumed with the page size it started with, from page 3: pages 1-2 are not fetched again.
		expect(starts).toEqual([{ syncId: failed.id, resumed: true, fromPage: 3, since: null, perPage: 3 }]);
		expect(lan.requests.map((r) => [r.page, r.perPage])).toEqual([3, 4, 5, 6, 7].map((p) => [p, 3]));
		expect(result).toMatchObject({ syncId: failed.id, resumed: true, pagesFetched: 7, recordsFetched: SAMPLE_COUNT });
		expect(result.import).toMatchObject({ counts: { read: SAMPLE_COUNT, unchanged: SAMPLE_COUNT } });
		expect(stagedLines(failed.staged_file!).map((line) => JSON.parse(line) as unknown)).toHaveLength(SAMPLE_COUNT);
		expect(await findSync(database.db, failed.id)).toMatchObject({ status: 'succeeded', error: null, import_run_id: result.import!.runId });
	});

	it('asks only for what changed since the last successful sync; changed records become new versions', async () => {
		const lan = await server();
		const first = await sync(lan);
		const firstRow = (await findSync(database.db, first.syncId))!;

		const [a, b] = lanSampleRecords();
		lan.edit(a!.id, { judul_inovasi: `${String(a!.judul_inovasi)} (diperbarui)` });
		lan.edit(b!.id, { tahap_5d: 'design', inovator: 'Inovator Baru' });
		lan.requests.length = 0;
		const versionsBefore = await count('source_record_versions');

		const second = await sync(lan);
		const expectedSince = new Date(firstRow.started_at.getTime() - INCREMENTAL_OVERLAP_MS);
		expect(second.since).toEqual(expectedSince);
		expect(lan.requests).toEqual([{ page: 1, perPage: 3, updatedSince: expectedSince.toISOString(), attempt: 1 }]);
		expect(second.recordsFetched).toBe(2);
		expect(second.import).toMatchObject({ status: 'succeeded', counts: { read: 2, inserted: 0, updated: 2, unchanged: 0 } });
		expect(await count('source_record_versions')).toBe(versionsBefore + 2);
		const changed = await database.db
			.selectFrom('source_records')
			.select(['external_id', 'record_version', 'raw'])
			.where('source', '=', 'lan')
			.where('external_id', 'in', [String(a!.id), String(b!.id)])
			.orderBy('external_id')
			.execute();
		expect(changed.map((r) => r.record_version)).toEqual([2, 2]);
		expect(changed.find((r) => r.external_id === String(a!.id))!.raw.judul_inovasi).toBe(`${String(a!.judul_inovasi)} (diperbarui)`);

		// --since overrides; nothing changed after it, so nothing is imported.
		lan.requests.length = 0;
		const future = new Date('2100-01-01T00:00:00Z');
		const third = await sync(lan, { since: future });
		expect(lan.requests.map((r) => r.updatedSince)).toEqual(['2100-01-01T00:00:00.000Z']);
		expect(third).toMatchObject({ since: future, pagesFetched: 1, recordsFetched: 0, import: null });
		expect(await findSync(database.db, third.syncId)).toMatchObject({ status: 'succeeded', import_run_id: null });

		// That --since left a gap, so the next sync still starts from the second one; the overlap
		// fetches the two edited records again, and re-importing them changes nothing.
		lan.requests.length = 0;
		const secondRow = (await findSync(database.db, second.syncId))!;
		const fourth = await sync(lan);
		expect(lan.requests.map((r) => r.updatedSince)).toEqual([new Date(secondRow.started_at.getTime() - INCREMENTAL_OVERLAP_MS).toISOString()]);
		expect(fourth.import).toMatchObject({ counts: { read: 2, updated: 0, unchanged: 2 } });
		expect(await count('source_record_versions')).toBe(versionsBefore + 2);
	});

	it('refuses a page of the wrong shape with an Indonesian message and imports nothing', async () => {
		const lan = await server();
		lan.fault = (request) => (request.page === 2 ? { status: 200, body: JSON.stringify({ items: [], paging: { page: 2 } }) } : undefined);
		const before = await registryCounts();
		const sleeps: number[] = [];

		const error = await failure(sync(lan, { sleeps }));
		const failed = (await findLatestSync(database.db, 'lan', lan.url))!;
		expect(error.code).toBe('SOURCE_BAD_RESPONSE');
		expect(error.message).toBe(
			`Jawaban API LAN untuk halaman 2 tidak sesuai format: "data" harus berupa daftar catatan. Sinkronisasi #${failed.id} berhenti di halaman 2 (1 halaman sudah tersimpan); jalankan perintah yang sama lagi untuk melanjutkan dari halaman 2.`
		);
		expect(lan.requests.map((r) => r.page)).toEqual([1, 2]);
		expect(sleeps).toEqual([]);
		expect(failed).toMatchObject({ status: 'failed', pages_fetched: 1, import_run_id: null });
		expect(await registryCounts()).toEqual(before);
	});

	describe('one sync per URL at a time', () => {
		const RUNNING = 'Sinkronisasi LAN untuk alamat ini sedang berjalan di proses lain. Tunggu sampai selesai, lalu jalankan lagi.';

		const syncRows = (url: string) => database.db.selectFrom('source_syncs').selectAll().where('base_url', '=', url).orderBy('id').execute();
		// Two-key advisory locks held by any session on this database; always none on PGlite, where syncs are tracked in memory.
		const heldSyncLocks = async () => {
			const { rows } = await sql<{ n: number }>`
				select count(*)::int as n from pg_locks
				where locktype = 'advisory' and objsubid = 2 and database = (select oid from pg_database where datname = current_database())`.execute(
				database.db
			);
			return rows[0]!.n;
		};

		it('refuses a second sync of a URL while the first runs, fetching and writing nothing; another URL is not blocked', async () => {
			const lan = await server();
			const other = await server();
			let asked!: () => void;
			const firstPageAsked = new Promise<void>((resolve) => (asked = resolve));
			let answer!: () => void;
			lan.hold = (request) => {
				if (request.page !== 1) return undefined;
				asked();
				return new Promise<void>((resolve) => (answer = resolve));
			};
			const first = sync(lan, { timeoutMs: 60_000 });
			await firstPageAsked;

			const rowsBefore = await syncRows(lan.url);
			const before = await registryCounts();
			const refused = await failure(sync(lan));
			expect(refused.code).toBe('SYNC_ALREADY_RUNNING');
			expect(refused.status).toBe(409);
			expect(refused.message).toBe(RUNNING);
			// Also when written differently: the lock is on the normalised URL.
			expect((await failure(sync(lan, { baseUrl: `${lan.url}/` }))).message).toBe(RUNNING);
			expect(lan.requests.map((r) => r.page)).toEqual([1]);
			expect(await syncRows(lan.url)).toEqual(rowsBefore);
			expect(rowsBefore).toMatchObject([{ status: 'running', pages_fetched: 0 }]);
			expect(await registryCounts()).toEqual(before);

			const elsewhere = await sync(other);
			expect(elsewhere).toMatchObject({ pagesFetched: 7, recordsFetched: SAMPLE_COUNT });

			answer();
			const done = await first;
			expect(done).toMatchObject({ syncId: rowsBefore[0]!.id, pagesFetched: 7, recordsFetched: SAMPLE_COUNT });
			expect(lan.requests.map((r) => r.page)).toEqual([1, 2, 3, 4, 5, 6, 7]);
			expect(await heldSyncLocks()).toBe(0);
		});

		it('frees the URL when a sync fails, so the next one runs', async () => {
			const lan = await server();
			lan.fault = () => ({ status: 500 });
			expect((await failure(sync(lan))).code).toBe('SOURCE_UNAVAILABLE');
			expect(await heldSyncLocks()).toBe(0);

			lan.fault = undefined;
			const next = await sync(lan);
			expect(next).toMatchObject({ resumed: true, pagesFetched: 7, recordsFetched: SAMPLE_COUNT });
		});
	});
});
