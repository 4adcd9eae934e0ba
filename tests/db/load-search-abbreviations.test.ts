import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/lib/server/errors';
import { listSynonyms, removeSynonym } from '../../src/lib/server/repositories/search-synonym-repository';
import {
	loadSearchAbbreviations,
	loadSearchAbbreviationsIfEmpty,
	parseAbbreviationCsv
} from '../../src/lib/server/services/load-search-abbreviations';
import { runCli } from '../support/run-cli';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const CSV_PATH = path.resolve(import.meta.dirname, '../../../shared/data/bahasa/singkatan-pemerintahan.csv');
const CSV = readFileSync(CSV_PATH, 'utf8');
const HEADER = 'singkatan,kepanjangan,kategori,varian,catatan';

let database: TestDatabase;
beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => database?.dispose());

const active = () => listSynonyms(database.db);
const historyCount = async () =>
	Number(
		(
			await database.db
				.selectFrom('change_history')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('entity_type', '=', 'search_synonyms')
				.executeTakeFirstOrThrow()
		).n
	);

async function failure(promise: Promise<unknown>): Promise<AppError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(AppError);
	return error as AppError;
}

describe('parseAbbreviationCsv', () => {
	it('maps the abbreviation and each variant to the expansion, keeping category and note', () => {
		const parsed = parseAbbreviationCsv({
			name: 'a.csv',
			content: `${HEADER}\nKTP-el,Kartu Tanda Penduduk Elektronik,dokumen,e-KTP|KTP,\nSKPD,Satuan Kerja Perangkat Daerah,instansi,,istilah lama untuk OPD\n`
		});
		expect(parsed.problems).toEqual([]);
		expect(parsed.pairs).toEqual([
			{ term: 'KTP-el', expansion: 'Kartu Tanda Penduduk Elektronik', note: 'dokumen' },
			{ term: 'e-KTP', expansion: 'Kartu Tanda Penduduk Elektronik', note: 'dokumen' },
			{ term: 'KTP', expansion: 'Kartu Tanda Penduduk Elektronik', note: 'dokumen' },
			{ term: 'SKPD', expansion: 'Satuan Kerja Perangkat Daerah', note: 'instansi: istilah lama untuk OPD' },
			{ term: 'SKPD', expansion: 'OPD', note: 'instansi: istilah lama untuk OPD' }
		]);
	});

	it('splits an expansion written as alternatives', () => {
		const parsed = parseAbbreviationCsv({ name: 'a.csv', content: `${HEADER}\nAkta,Akta Kelahiran / Akta Kematian,dokumen,,bukan singkatan\n` });
		expect(parsed.pairs.map((p) => `${p.term}->${p.expansion}`)).toEqual(['Akta->Akta Kelahiran', 'Akta->Akta Kematian']);
	});

	it('pairs a replaced term with the one its note names, once for both ways', () => {
		const parsed = parseAbbreviationCsv({
			name: 'a.csv',
			content: `${HEADER}\nPBG,Persetujuan Bangunan Gedung,dokumen,,menggantikan IMB\nIMB,Izin Mendirikan Bangunan,dokumen,,istilah lama; diganti PBG\nDTKS,Data Terpadu Kesejahteraan Sosial,sistem,,diganti DTSEN (2025)\nIKM,Indeks Kepuasan Masyarakat,indikator,,ambigu: juga Industri Kecil Menengah\n`
		});
		expect(parsed.pairs.map((p) => `${p.term}->${p.expansion}`)).toEqual([
			'PBG->Persetujuan Bangunan Gedung',
			'PBG->IMB',
			'IMB->Izin Mendirikan Bangunan',
			'DTKS->Data Terpadu Kesejahteraan Sosial',
			'DTKS->DTSEN',
			'IKM->Indeks Kepuasan Masyarakat'
		]);
	});

	it('reads the shared list: 140 rows, none invalid', () => {
		const parsed = parseAbbreviationCsv({ name: 'singkatan-pemerintahan.csv', content: CSV });
		expect(parsed.rows).toBe(140);
		expect(parsed.problems).toEqual([]);
		expect(parsed.pairs.length).toBeGreaterThan(140);
	});
});

describe('loadSearchAbbreviations', () => {
	// Runs first: a refused file must leave the empty table empty.
	it('refuses a wrong header with the exact message and writes nothing', async () => {
		const error = await failure(
			loadSearchAbbreviations(database.db, { name: 'salah.csv', content: 'singkatan;kepanjangan\nKTP;Kartu Tanda Penduduk\n' })
		);
		expect(error.code).toBe('VALIDATION_FAILED');
		expect(error.message).toBe(
			'Kepala kolom berkas salah.csv harus "singkatan,kepanjangan,kategori,varian,catatan", bukan "singkatan;kepanjangan" (pemisah kolom harus koma). Tidak ada data yang disimpan.'
		);
		expect(await active()).toEqual([]);
		expect(await historyCount()).toBe(0);
	});

	it('says so when the file does not exist', async () => {
		const error = await failure(loadSearchAbbreviations(database.db, '/tidak/ada.csv'));
		expect(error.message).toBe('Berkas /tidak/ada.csv tidak ditemukan atau tidak dapat dibaca.');
	});

	it('skips invalid rows, reporting their line numbers, and loads the others', async () => {
		const outcome = await loadSearchAbbreviations(database.db, {
			name: 'campur.csv',
			content: [HEADER, 'PTSP,Pelayanan Terpadu Satu Pintu,layanan,,', ',Tanpa Singkatan,layanan,,', 'MPP,Mal Pelayanan Publik,layanan', 'UMKM,,ekonomi,UKM,', 'Bumdes,Badan Usaha Milik Desa,ekonomi,A||B,'].join('\n')
		});
		expect(outcome.problems).toEqual([
			{ line: 3, message: 'singkatan wajib diisi' },
			{ line: 4, message: 'harus ada 5 kolom, ditemukan 3' },
			{ line: 5, message: 'kepanjangan wajib diisi' },
			{ line: 6, message: 'varian tidak boleh kosong di antara tanda |' }
		]);
		expect(outcome).toMatchObject({ rows: 5, pairs: 1, inserted: 1, unchanged: 0, keptRemoved: 0 });
		expect((await active()).map((s) => [s.term, s.expansion, s.source])).toEqual([['PTSP', 'Pelayanan Terpadu Satu Pintu', 'csv']]);
	});

	it('loads the shared list with progress, records it once, and changes nothing when loaded again', async () => {
		const progress: Array<[number, number]> = [];
		const first = await loadSearchAbbreviations(database.db, CSV_PATH, { onProgress: (d, t) => progress.push([d, t]) });
		expect(first.problems).toEqual([]);
		expect(first.inserted).toBe(first.pairs - 1); // PTSP was already there
		expect(first.unchanged).toBe(1);
		expect(progress[0]).toEqual([0, first.pairs]);
		expect(progress.at(-1)).toEqual([first.pairs, first.pairs]);
		const rows = await active();
		expect(rows).toHaveLength(first.pairs);
		const ktp = rows.find((s) => s.term === 'KTP');
		expect(ktp).toMatchObject({ expansion: 'Kartu Tanda Penduduk Elektronik', note: 'dokumen', source: 'csv', created_by: 'system' });
		expect(rows.find((s) => s.term === 'IMB')?.note).toBe('dokumen: istilah lama; diganti PBG');
		const history = await historyCount();
		expect(history).toBe(2);

		const before = JSON.stringify(rows);
		const again = await loadSearchAbbreviations(database.db, CSV_PATH);
		expect(again).toMatchObject({ inserted: 0, unchanged: first.pairs, keptRemoved: 0 });
		expect(JSON.stringify(await active())).toBe(before);
		expect(await historyCount()).toBe(history);
	});

	it('does not bring back a pair an admin removed', async () => {
		const ktp = (await active()).find((s) => s.term === 'KTP')!;
		expect(await removeSynonym(database.db, ktp.id, 'admin-uji')).toBe(true);
		const again = await loadSearchAbbreviations(database.db, CSV_PATH);
		expect(again).toMatchObject({ inserted: 0, keptRemoved: 1 });
		expect((await active()).some((s) => s.term === 'KTP')).toBe(false);
	});

	it('on first start loads only into an empty table, and skips a missing file', async () => {
		expect(await loadSearchAbbreviationsIfEmpty(database.db, CSV_PATH)).toEqual({ skipped: 'not-empty' });
		const fresh = await createTestDatabase();
		try {
			expect(await loadSearchAbbreviationsIfEmpty(fresh.db, '/tidak/ada.csv')).toEqual({ skipped: 'no-file' });
			const loaded = await loadSearchAbbreviationsIfEmpty(fresh.db, CSV_PATH);
			expect('inserted' in loaded && loaded.inserted).toBeGreaterThan(140);
		} finally {
			await fresh.dispose();
		}
	});
});

describe('jippnas load-abbreviations', () => {
	let workDir: string;
	beforeAll(() => {
		workDir = mkdtempSync(path.join(tmpdir(), 'jippnas-abbr-cli-'));
	});
	afterAll(() => {
		if (workDir) rmSync(workDir, { recursive: true, force: true });
	});
	const env = { DATA_DIR: './data', DATABASE_URL: '', SEED_DEMO: 'never' };

	it('loads the file with progress, then changes nothing the second time; a wrong header exits 1', async () => {
		const first = await runCli(['load-abbreviations', CSV_PATH], { cwd: workDir, env });
		expect(first.stderr).toContain('Menyimpan sinonim: 100%');
		expect(first.stdout).toMatch(/Selesai: 140 baris singkatan dari singkatan-pemerintahan\.csv menjadi (\d+) pasangan sinonim; \1 sinonim baru, 0 sudah ada\./);
		expect(first.code).toBe(0);

		const second = await runCli(['load-abbreviations', CSV_PATH], { cwd: workDir, env });
		expect(second.stdout).toMatch(/; 0 sinonim baru, (\d+) sudah ada\./);
		expect(second.code).toBe(0);

		const bad = path.join(workDir, 'salah.csv');
		writeFileSync(bad, 'abbr,expansion\nKTP,Kartu Tanda Penduduk\n');
		const refused = await runCli(['load-abbreviations', bad], { cwd: workDir, env });
		expect(refused.stderr).toContain(
			'Kepala kolom berkas salah.csv harus "singkatan,kepanjangan,kategori,varian,catatan", bukan "abbr,expansion". Tidak ada data yang disimpan.'
		);
		expect(refused.code).toBe(1);
	}, 120_000);
});
