import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNationalStatistics } from '../../src/lib/server/services/get-national-statistics';
import { evaluateClusters } from '../../src/lib/server/domain/matching/evaluate';
import {
	findImportRun,
	findSourceRecords,
	listQuarantinedRows,
	listSourceRecordLinks,
	listSourceRecordVersions
} from '../../src/lib/server/repositories/import-repository';
import { importSourceFile } from '../../src/lib/server/services/import-source-file';
import { AppError } from '../../src/lib/server/errors';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const SHARED = path.resolve(import.meta.dirname, '../../../shared');
const SAMPLES = path.join(SHARED, 'samples');
const sample = (file: string) => new Uint8Array(readFileSync(path.join(SAMPLES, file)));
/** LAN's sample export with some records changed, imported again under its own name. */
const importLanRecords = (records: Record<string, unknown>[]) =>
	importSourceFile(database.db, { source: 'lan', fileName: 'lan.json', bytes: new TextEncoder().encode(JSON.stringify(records)), actor: 'test', stopWords });
const stopWords = new Set(
	readFileSync(path.join(SHARED, 'data/bahasa/stopwords-id.txt'), 'utf8')
		.split(/\r?\n/)
		.map((word) => word.trim().toLowerCase())
		.filter(Boolean)
);

interface TruthEntry {
	source: 'panrb' | 'kemendagri' | 'lan';
	externalId: string;
	reason?: string;
}
const truth = JSON.parse(readFileSync(path.join(SAMPLES, 'truth.json'), 'utf8')) as { clusters: TruthEntry[][]; rejected: TruthEntry[] };

let database: TestDatabase;
const runIds: Record<string, number> = {};
const SAMPLE_FILES = [
	['panrb', 'panrb.xlsx'],
	['kemendagri', 'kemendagri.csv'],
	['lan', 'lan.json']
] as const;

/** Pairwise linking quality of a database's source records against truth.json. */
/** Runs `check` against a database of its own, disposed of afterwards. */
async function inFreshDatabase(check: (db: TestDatabase['db']) => Promise<void>): Promise<void> {
	const other = await createTestDatabase();
	try {
		await check(other.db);
	} finally {
		await other.dispose();
	}
}

async function linkingOf(db: TestDatabase['db']) {
	const predicted = new Map<string, string[]>();
	for (const link of await listSourceRecordLinks(db)) {
		const members = predicted.get(link.innovation_id!) ?? [];
		members.push(`${link.source}:${link.external_id}`);
		predicted.set(link.innovation_id!, members);
	}
	return evaluateClusters(
		[...predicted.values()],
		truth.clusters.map((cluster) => cluster.map((entry) => `${entry.source}:${entry.externalId}`))
	);
}
let inProcessLinking: Awaited<ReturnType<typeof linkingOf>>;

/** What is stored of each source record (each batch's documents travel from the worker packed in one buffer). */
function storedDocumentsOf(db: TestDatabase['db']) {
	return db.selectFrom('source_records').select(['source', 'external_id', 'raw', 'mapped', 'match_features']).orderBy('source').orderBy('external_id').execute();
}
let inProcessStored: Awaited<ReturnType<typeof storedDocumentsOf>>;
const inProcessCounts: Record<string, unknown> = {};

async function count(table: 'source_records' | 'innovations' | 'import_runs' | 'quarantined_rows' | 'change_history') {
	const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	return Number(row.n);
}

beforeAll(async () => {
	database = await createTestDatabase();
	for (const [source, file] of SAMPLE_FILES) {
		const result = await importSourceFile(database.db, { source, fileName: file, bytes: sample(file), actor: 'test', stopWords });
		// Small files are prepared on the calling thread.
		expect(result.preparedIn).toBe('main');
		runIds[source] = result.runId;
		inProcessCounts[source] = result.counts;
	}
	inProcessLinking = await linkingOf(database.db);
	inProcessStored = await storedDocumentsOf(database.db);
}, 120_000);

afterAll(async () => {
	await database?.dispose();
});

describe('importSourceFile on the shared samples', () => {
	it('stores every record, quarantines the two rejected rows with their categories, and finishes the runs', async () => {
		expect(await count('source_records')).toBe(93);
		const panrbRun = await findImportRun(database.db, runIds.panrb!);
		expect(panrbRun).toMatchObject({ status: 'partly', counts: { read: 42, inserted: 41, rejected: 1, unchanged: 0 } });
		expect(panrbRun!.finished_at).not.toBeNull();
		expect(await findImportRun(database.db, runIds.lan!)).toMatchObject({ status: 'succeeded', counts: { read: 21, inserted: 21, rejected: 0 } });

		const quarantined = [
			...(await listQuarantinedRows(database.db, runIds.panrb!)),
			...(await listQuarantinedRows(database.db, runIds.kemendagri!))
		];
		expect(
			quarantined.map((row) => ({ source: row.source, externalId: row.external_id, category: row.reasons[0]!.category }))
		).toEqual(truth.rejected.map((r) => ({ source: r.source, externalId: r.externalId, category: r.reason })));
		expect(quarantined.map((row) => row.reasons[0]!.category).sort()).toEqual(['no-agency', 'unknown-enum']);
		for (const row of quarantined) expect(row.reasons[0]!.message.length).toBeGreaterThan(10);
	});

	it('shows records per source, unique innovations and each source\'s last import in the national figures', async () => {
		const stats = await getNationalStatistics(database.db);
		expect(stats.innovations).toBe(truth.clusters.length);
		const bySource = Object.fromEntries(stats.bySource.map((s) => [s.source, s]));
		expect(bySource.panrb).toMatchObject({ records: 41, lastImport: { status: 'partly', fileName: 'panrb.xlsx' } });
		expect(bySource.kemendagri?.lastImport).toMatchObject({ status: 'partly', fileName: 'kemendagri.csv' });
		expect(bySource.lan).toMatchObject({ records: 21, lastImport: { status: 'succeeded', fileName: 'lan.json' } });
	});

	it('links duplicates with pairwise precision >= 0.97 and F1 >= 0.95 against truth.json', async () => {
		const links = await listSourceRecordLinks(database.db);
		expect(links.every((link) => link.innovation_id !== null)).toBe(true);
		const predicted = new Map<string, string[]>();
		for (const link of links) {
			const members = predicted.get(link.innovation_id!) ?? [];
			members.push(`${link.source}:${link.external_id}`);
			predicted.set(link.innovation_id!, members);
		}
		const evaluation = evaluateClusters(
			[...predicted.values()],
			truth.clusters.map((cluster) => cluster.map((entry) => `${entry.source}:${entry.externalId}`))
		);
		console.log(
			`import samples: ${predicted.size} innovations for 60 true ones; precision ${evaluation.precision.toFixed(3)} ` +
				`recall ${evaluation.recall.toFixed(3)} F1 ${evaluation.f1.toFixed(3)} ` +
				`(TP ${evaluation.truePositives}, FP ${evaluation.falsePositives}, FN ${evaluation.falseNegatives})`
		);
		expect(evaluation.precision).toBeGreaterThanOrEqual(0.97);
		expect(evaluation.f1).toBeGreaterThanOrEqual(0.95);
	});

	it('records provenance, awards and history for the canonical innovations', async () => {
		const [record] = await findSourceRecords(database.db, 'panrb', [truth.clusters.flat().find((e) => e.source === 'panrb')!.externalId]);
		const innovation = await database.db.selectFrom('innovations').selectAll().where('id', '=', record!.innovation_id!).executeTakeFirstOrThrow();
		expect(innovation.provenance.title).toMatchObject({ source: 'panrb' });
		const awards = await database.db.selectFrom('awards').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		expect(Number(awards.n)).toBeGreaterThan(0);
		const history = await database.db
			.selectFrom('change_history')
			.select(['action', 'actor', 'changes'])
			.where('entity_id', '=', innovation.id)
			.orderBy('id')
			.execute();
		expect(history[0]).toMatchObject({ action: 'import', actor: 'test' });
		// The creation names every value the innovation was created with, from null.
		const created = history[0]!.changes;
		expect(created.provenance).toEqual({ from: null, to: null });
		expect(created.title).toEqual({ from: null, to: innovation.title });
		expect(created.summary).toEqual({ from: null, to: innovation.summary });
		for (const [column, change] of Object.entries(created)) if (column !== 'provenance') expect(change.from).toBeNull();
	});

	it('takes each field from its own source priority: title from PANRB, stage from Kemendagri', async () => {
		const cluster = truth.clusters.find((c) => c.some((e) => e.source === 'panrb') && c.some((e) => e.source === 'kemendagri'))!;
		const panrb = cluster.find((e) => e.source === 'panrb')!;
		const kemendagri = cluster.find((e) => e.source === 'kemendagri')!;
		const [record] = await findSourceRecords(database.db, 'panrb', [panrb.externalId]);
		const innovation = await database.db.selectFrom('innovations').selectAll().where('id', '=', record!.innovation_id!).executeTakeFirstOrThrow();
		expect(innovation.provenance.title).toEqual({ source: 'panrb', externalId: panrb.externalId });
		expect(innovation.provenance.stage).toEqual({ source: 'kemendagri', externalId: kemendagri.externalId });
	});

	it('re-importing the same file changes nothing', async () => {
		const before = { records: await count('source_records'), innovations: await count('innovations'), history: await count('change_history') };
		const again = await importSourceFile(database.db, { source: 'lan', fileName: 'lan.json', bytes: sample('lan.json'), actor: 'test', stopWords });
		expect(again.counts).toMatchObject({ read: 21, inserted: 0, updated: 0, unchanged: 21, linked: 0, rejected: 0 });
		expect(again.status).toBe('succeeded');
		expect({ records: await count('source_records'), innovations: await count('innovations'), history: await count('change_history') }).toEqual(before);
	});

	it('a changed record becomes a new version and the old one is kept', async () => {
		const records = JSON.parse(readFileSync(path.join(SAMPLES, 'lan.json'), 'utf8')) as Record<string, unknown>[];
		const target = records[0]!;
		const [before] = await findSourceRecords(database.db, 'lan', [String(target.id)]);
		const changed = records.map((r) => (r === target ? { ...r, judul_inovasi: `${String(r.judul_inovasi)} Versi Baru` } : r));
		const result = await importLanRecords(changed);
		expect(result.counts).toMatchObject({ updated: 1, unchanged: 20, inserted: 0 });
		const [after] = await findSourceRecords(database.db, 'lan', [String(target.id)]);
		expect(after!.record_version).toBe(before!.record_version + 1);
		expect(after!.raw.judul_inovasi).toBe(`${String(target.judul_inovasi)} Versi Baru`);
		expect(after!.innovation_id).toBe(before!.innovation_id);
		const versions = await listSourceRecordVersions(database.db, before!.id);
		expect(versions).toHaveLength(1);
		expect(versions[0]).toMatchObject({ record_version: before!.record_version, raw: { judul_inovasi: target.judul_inovasi } });
	});

	it('keeps the last row when an external id occurs twice in one file', async () => {
		const rows = [
			{ id: 990001, judul_inovasi: 'Judul Lama', instansi_nama: 'Kementerian Sosial' },
			{ id: 990001, judul_inovasi: 'SIDAKEP (Sistem Data Kepesertaan)', instansi_nama: 'Kementerian Sosial' }
		];
		const result = await importSourceFile(database.db, {
			source: 'lan',
			fileName: 'dup.json',
			bytes: new TextEncoder().encode(JSON.stringify(rows)),
			actor: 'test'
		});
		expect(result.counts).toMatchObject({ read: 2, inserted: 1 });
		const [record] = await findSourceRecords(database.db, 'lan', ['990001']);
		expect(record!.raw.judul_inovasi).toBe('SIDAKEP (Sistem Data Kepesertaan)');
	});

	it('a changed narrative reaches the innovation only where its source owns the field, the old text kept in the history', async () => {
		const NARRATIVES = ['summary', 'problem', 'aims', 'novelty', 'implementation', 'results', 'transferability', 'resources', 'sustainability_strategy'] as const;
		const records = JSON.parse(readFileSync(path.join(SAMPLES, 'lan.json'), 'utf8')) as Record<string, unknown>[];
		const stored = await findSourceRecords(database.db, 'lan', records.map((r) => String(r.id)));
		const innovationsBefore = await database.db.selectFrom('innovations').selectAll().where('id', 'in', stored.map((r) => r.innovation_id!)).execute();
		const before = new Map(innovationsBefore.map((i) => [i.id, i]));
		const ownerOf = (record: (typeof stored)[number]) => before.get(record.innovation_id!)!.provenance.summary?.source;
		const owned = stored.find((r) => ownerOf(r) === 'lan')!;
		const foreign = stored.find((r) => ownerOf(r) !== undefined && ownerOf(r) !== 'lan')!;
		expect(owned).toBeDefined();
		expect(foreign).toBeDefined();
		const changed = records.map((r) =>
			String(r.id) === owned.external_id || String(r.id) === foreign.external_id
				? { ...r, deskripsi: `<div><h3>Deskripsi</h3><p>Narasi yang ditulis ulang untuk ${String(r.id)}.</p></div>` }
				: r
		);
		const result = await importLanRecords(changed);
		// (and the record the test before changed, back as it was)
		expect(result.counts.updated).toBeGreaterThanOrEqual(2);
		const after = new Map(
			(await database.db.selectFrom('innovations').selectAll().where('id', 'in', [owned.innovation_id!, foreign.innovation_id!]).execute()).map((i) => [i.id, i])
		);
		// The field lan owns takes the new text; the history names the text it replaced.
		const ownedBefore = before.get(owned.innovation_id!)!;
		const ownedAfter = after.get(owned.innovation_id!)!;
		expect(ownedAfter.summary).toContain('Narasi yang ditulis ulang');
		const [latest] = await database.db
			.selectFrom('change_history')
			.select(['changes'])
			.where('entity_id', '=', owned.innovation_id!)
			.orderBy('id', 'desc')
			.limit(1)
			.execute();
		expect((latest!.changes as Record<string, { from: unknown; to: unknown }>).summary).toEqual({ from: ownedBefore.summary, to: ownedAfter.summary });
		// Narratives another source owns stay as they were.
		const foreignBefore = before.get(foreign.innovation_id!)!;
		const foreignAfter = after.get(foreign.innovation_id!)!;
		for (const column of NARRATIVES) {
			if (foreignBefore.provenance[column]?.source !== 'lan') expect(foreignAfter[column]).toBe(foreignBefore[column]);
		}
	});

	it('prepares the rows in a worker thread with the same outcome as in-process', async () => {
		await inFreshDatabase(async (db) => {
			for (const [source, file] of SAMPLE_FILES) {
				const result = await importSourceFile(db, { source, fileName: file, bytes: sample(file), actor: 'test', stopWords, prepareInWorker: true });
				expect(result.preparedIn).toBe('worker');
				expect(result.counts).toEqual(inProcessCounts[source]);
			}
			expect(await linkingOf(db)).toEqual(inProcessLinking);
			const quarantined = await db.selectFrom('quarantined_rows').select(['external_id', 'reasons']).orderBy('external_id').execute();
			expect(quarantined.map((row) => row.reasons[0]!.category).sort()).toEqual(['no-agency', 'unknown-enum']);
		});
	}, 120_000);

	it('prepares the rows in a worker thread that hands every other batch to the main thread with the same outcome and stored documents as in-process', async () => {
		await inFreshDatabase(async (db) => {
			for (const [source, file] of SAMPLE_FILES) {
				const result = await importSourceFile(db, {
					source,
					fileName: file,
					bytes: sample(file),
					actor: 'test',
					stopWords,
					prepareInWorker: true,
					prepareShared: true,
					batchSize: 7
				});
				expect(result.preparedIn).toBe('worker');
				expect(result.counts).toEqual(inProcessCounts[source]);
			}
			expect(await linkingOf(db)).toEqual(inProcessLinking);
			expect(await storedDocumentsOf(db)).toEqual(inProcessStored);
		});
	}, 120_000);

	it('refuses an unreadable file from the worker thread with its Indonesian message and writes nothing', async () => {
		const before = { runs: await count('import_runs'), records: await count('source_records') };
		const attempt = importSourceFile(database.db, {
			source: 'panrb',
			fileName: 'rusak.csv',
			bytes: new TextEncoder().encode('ID Inovasi,Judul Inovasi\r\nSNV-1,"tanpa penutup\r\n'),
			actor: 'test',
			prepareInWorker: true
		});
		await expect(attempt).rejects.toMatchObject({ code: 'FILE_UNREADABLE', message: expect.stringContaining('tanda kutip tidak ditutup') });
		expect({ runs: await count('import_runs'), records: await count('source_records') }).toEqual(before);
	});

	it('serves files one after another from a reused worker, a failed file not affecting the next, with the same outcome as in-process', async () => {
		const broken = (csv: string) => ({ source: 'panrb' as const, fileName: 'rusak.csv', bytes: new TextEncoder().encode(csv), actor: 'test', prepareInWorker: true });
		await inFreshDatabase(async (db) => {
			const [panrb, kemendagri, lan] = SAMPLE_FILES;
			const importSample = async ([source, file]: (typeof SAMPLE_FILES)[number]) => {
				const result = await importSourceFile(db, { source, fileName: file, bytes: sample(file), actor: 'test', stopWords, prepareInWorker: true });
				expect(result.preparedIn).toBe('worker');
				expect(result.counts).toEqual(inProcessCounts[source]);
			};
			await importSample(panrb);
			// Fails while the worker reads it (the worker is ended, not kept).
			await expect(importSourceFile(db, broken('ID Inovasi,Judul Inovasi\r\nSNV-1,"tanpa penutup\r\n'))).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
			await importSample(kemendagri);
			// Fails after the worker opened it (a column missing).
			await expect(importSourceFile(db, broken('ID Inovasi,Instansi\r\nSNV-2099-000001,Kementerian Sosial\r\n'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
			await importSample(lan);
			expect(await linkingOf(db)).toEqual(inProcessLinking);
		});
	}, 120_000);

	it('matches against records stored before their match features were kept (read from mapped instead)', async () => {
		await inFreshDatabase(async (db) => {
			const [[source, file], ...rest] = SAMPLE_FILES;
			await importSourceFile(db, { source, fileName: file, bytes: sample(file), actor: 'test', stopWords });
			await db.updateTable('source_records').set({ match_features: null }).execute();
			for (const [next, nextFile] of rest) {
				const result = await importSourceFile(db, { source: next, fileName: nextFile, bytes: sample(nextFile), actor: 'test', stopWords });
				expect(result.counts).toEqual(inProcessCounts[next]);
			}
			expect(await linkingOf(db)).toEqual(inProcessLinking);
		});
	}, 120_000);

	it('refuses a file missing Judul Inovasi with the exact message and writes nothing', async () => {
		const before = { runs: await count('import_runs'), records: await count('source_records') };
		const csv = 'ID Inovasi,Instansi\r\nSNV-2099-000001,Kementerian Sosial\r\n';
		const attempt = importSourceFile(database.db, { source: 'panrb', fileName: 'x.csv', bytes: new TextEncoder().encode(csv), actor: 'test' });
		await expect(attempt).rejects.toBeInstanceOf(AppError);
		await expect(attempt).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: 'Kolom wajib tidak ada: Judul Inovasi' });
		expect({ runs: await count('import_runs'), records: await count('source_records') }).toEqual(before);
	});
});
