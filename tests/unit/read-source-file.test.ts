import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
	applyMappingProfile,
	DEFAULT_MAPPING_PROFILES,
	mapRow
} from '../../src/lib/server/domain/import/mapping-profile';
import { AppError } from '../../src/lib/server/errors';
import { parseCsv, readSourceRows, readWellFormedCsv } from '../../src/lib/server/import/read-source-file';

const SAMPLES = path.resolve(process.cwd(), '../shared/samples');
const sample = (file: string) => readFileSync(path.join(SAMPLES, file));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('readSourceRows on the shared samples', () => {
	it('reads panrb.xlsx and panrb.csv as the same 42 rows and headers', async () => {
		const xlsx = await readSourceRows(sample('panrb.xlsx'), { format: 'auto', fileName: 'panrb.xlsx' });
		const csv = await readSourceRows(sample('panrb.csv'), { format: 'auto', fileName: 'panrb.csv' });
		expect(xlsx.format).toBe('xlsx');
		expect(xlsx.sheetName).toBe('Inovasi');
		expect(xlsx.notes).toEqual([]);
		expect(csv.delimiter).toBe(',');
		expect(xlsx.rows).toHaveLength(42);
		expect(csv.rows).toHaveLength(42);
		expect(xlsx.headers).toEqual(csv.headers);
		expect(xlsx.headers).toHaveLength(25);
		expect(csv.problems).toEqual([]);
		expect(xlsx.rows[0]!.values['Tanggal Mulai Implementasi']).toBeInstanceOf(Date);

		const profile = DEFAULT_MAPPING_PROFILES.panrb;
		const fromXlsx = xlsx.rows.map((row) => mapRow(profile, row.values).fields);
		const fromCsv = csv.rows.map((row) => mapRow(profile, row.values).fields);
		for (const [index, fields] of fromXlsx.entries()) {
			const other = fromCsv[index]!;
			// The CSV writes some dates day first; everything else must be identical text.
			expect({ ...fields, startedOn: null }).toEqual({ ...other, startedOn: null });
			expect(fields.startedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		}
	});

	it('reads kemendagri.csv: semicolons, BOM, CRLF, decimal comma kept as text', async () => {
		const bytes = sample('kemendagri.csv');
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const file = await readSourceRows(bytes, { format: 'csv' });
		expect(file.delimiter).toBe(';');
		expect(file.rows).toHaveLength(32);
		expect(file.problems).toEqual([]);
		expect(file.headers[0]).toBe('ID');
		expect(file.rows[0]).toMatchObject({ rowNumber: 2, values: { ID: '79808', 'Kode Pemda': '1215' } });
		for (const row of file.rows) {
			for (const value of Object.values(row.values)) {
				if (typeof value === 'string') expect(value).not.toMatch(/\r/);
			}
		}
		expect(file.rows.some((row) => String(row.values['Skor Kematangan']).includes(','))).toBe(true);
	});

	it.each(['lan.json', 'lan.jsonl'])('reads %s as 21 rows', async (name) => {
		const file = await readSourceRows(sample(name), { format: 'auto', fileName: name });
		expect(file.format).toBe(name.endsWith('l') ? 'jsonl' : 'json');
		expect(file.rows).toHaveLength(21);
		expect(file.problems).toEqual([]);
		expect(file.rows[0]!.values).toMatchObject({ id: 66375, kabkot_nama: null, tahun: 2021 });
	});

	it('gives the same LAN rows from JSON and JSON Lines', async () => {
		const json = await readSourceRows(sample('lan.json'), { format: 'json' });
		const lines = await readSourceRows(sample('lan.jsonl'), { format: 'jsonl' });
		expect(lines.rows.map((row) => row.values)).toEqual(json.rows.map((row) => row.values));
		expect(lines.headers).toEqual(json.headers);
	});

	it.each([
		['panrb', 'panrb.xlsx'],
		['panrb', 'panrb.csv'],
		['kemendagri', 'kemendagri.csv'],
		['lan', 'lan.json'],
		['lan', 'lan.jsonl']
	] as const)('maps %s sample %s with no unknown and no missing columns', async (source, name) => {
		const file = await readSourceRows(sample(name), { format: 'auto', fileName: name });
		const mapping = applyMappingProfile(DEFAULT_MAPPING_PROFILES[source], file.headers);
		expect(mapping.unknownColumns).toEqual([]);
		expect(mapping.duplicateColumns).toEqual([]);
		expect(mapping.missingRequired).toEqual([]);
		expect(mapping.error).toBeNull();
		expect(mapping.columns).toHaveLength(Object.keys(DEFAULT_MAPPING_PROFILES[source].columns).length);
		for (const row of file.rows) {
			const { fields } = mapRow(DEFAULT_MAPPING_PROFILES[source], row.values, mapping);
			expect(fields.externalId).toMatch(/\S/);
		}
	});

	it('reports the missing Judul Inovasi column of a PANRB file in Indonesian', async () => {
		const file = await readSourceRows(utf8('ID Inovasi,Instansi\nSNV-1,Pemkab Ngada\n'), { format: 'csv' });
		expect(applyMappingProfile(DEFAULT_MAPPING_PROFILES.panrb, file.headers).error).toBe(
			'Kolom wajib tidak ada: Judul Inovasi'
		);
	});
});

describe('CSV read directly (well-formed files) and by csv-parse', () => {
	const records = (located: { record: string[]; line: number }[]) => located.map(({ record, line }) => ({ record, line }));

	it('reads the samples directly, as csv-parse does', () => {
		for (const [file, delimiter] of [['panrb.csv', ','], ['kemendagri.csv', ';']] as const) {
			const bytes = sample(file);
			const text = bytes[0] === 0xef ? bytes.subarray(3) : bytes;
			const direct = readWellFormedCsv(text, delimiter);
			expect(direct).not.toBeNull();
			expect(records(direct!)).toEqual(records(parseCsv(text, delimiter)));
		}
	});

	it('leaves to csv-parse what it might read otherwise or reject', () => {
		for (const text of ['a,b\n1,x"y\n', 'a,b\n"1"x,2\n', 'a,b\r\n1,2\n3,4\r\n', 'a,b\n1,2\r\n', 'a,b\r1,2\r', 'a,b\n1,2,3\n', 'a,b\n"1,2\n']) {
			expect(readWellFormedCsv(Buffer.from(text), ','), text).toBeNull();
		}
	});

	it('gives what csv-parse gives whenever it reads a file itself (generated files)', () => {
		const pieces = ['a', 'é', ',', ';', '"', '""', '"x"', ' ', '\r', '\n', '\r\n', '\r\n', '"a,\r\nb"', '\n\n'];
		let seed = 7;
		const random = (n: number) => {
			seed = (seed * 1103515245 + 12345) & 0x7fffffff;
			return seed % n;
		};
		let direct = 0;
		for (let i = 0; i < 20_000; i++) {
			let text = '';
			for (let n = random(14); n > 0; n--) text += pieces[random(pieces.length)];
			const delimiter = random(2) === 0 ? ',' : ';';
			const read = readWellFormedCsv(Buffer.from(text), delimiter);
			if (!read) continue;
			direct++;
			expect(records(read), JSON.stringify(text)).toEqual(records(parseCsv(Buffer.from(text), delimiter)));
		}
		expect(direct).toBeGreaterThan(3_000);
	});
});

describe('readSourceRows on CSV edge cases', () => {
	it('keeps quoted newlines and delimiters inside fields and numbers rows by their first line', async () => {
		const file = await readSourceRows(
			utf8('ID;Nama;Skor\r\n1;"Baris satu\r\nbaris dua";72,5\r\n2;"A; B";"3,0"\r\n'),
			{ format: 'csv' }
		);
		expect(file.delimiter).toBe(';');
		expect(file.rows).toEqual([
			{ rowNumber: 2, values: { ID: '1', Nama: 'Baris satu\r\nbaris dua', Skor: '72,5' } },
			{ rowNumber: 4, values: { ID: '2', Nama: 'A; B', Skor: '3,0' } }
		]);
	});

	it('keeps a comma inside quotes in a comma file', async () => {
		const file = await readSourceRows(utf8('a,b\n"x, y",z\n'), { format: 'csv' });
		expect(file.rows[0]!.values).toEqual({ a: 'x, y', b: 'z' });
	});

	it('skips empty rows and reports where they were', async () => {
		const file = await readSourceRows(utf8('a;b\n1;2\n\n;\n 3 ;4\n'), { format: 'csv' });
		expect(file.rows.map((row) => row.rowNumber)).toEqual([2, 5]);
		expect(file.emptyRows).toEqual([3, 4]);
		expect(file.rows[1]!.values.a).toBe(' 3 ');
	});

	it('reports a row with the wrong number of columns and keeps going', async () => {
		const file = await readSourceRows(utf8('a,b\n1,2,3\n4,5,\n6\n'), { format: 'csv' });
		expect(file.rows).toEqual([{ rowNumber: 3, values: { a: '4', b: '5' } }]);
		expect(file.problems.map((problem) => problem.rowNumber)).toEqual([2, 4]);
		file.problems.pop();
		expect(file.problems).toEqual([
			{ rowNumber: 2, message: 'Baris 2 berisi 3 kolom, padahal judul kolom berjumlah 2.', raw: '1,2,3' }
		]);
	});

	it('names repeated and blank headers so no column is lost, and drops empty unnamed columns', async () => {
		const file = await readSourceRows(utf8('a,a,,\n1,2,3,\n'), { format: 'csv' });
		expect(file.headers).toEqual(['a', 'a (2)', 'Kolom 3']);
		expect(file.rows[0]!.values).toEqual({ a: '1', 'a (2)': '2', 'Kolom 3': '3' });
	});

	it.each([
		['an unclosed quote', utf8('a,b\n"1,2\n'), /tanda kutip tidak ditutup/],
		['an empty file', utf8(' \n'), /Berkas kosong/],
		['bytes that are not UTF-8', new Uint8Array([0x61, 0x0a, 0xff, 0xfe, 0x0a]), /bukan teks UTF-8/]
	])('throws FILE_UNREADABLE for %s', async (_label, bytes, message) => {
		const error = await readSourceRows(bytes, { format: 'csv' }).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(AppError);
		expect((error as AppError).code).toBe('FILE_UNREADABLE');
		expect((error as AppError).message).toMatch(message);
	});
});

describe('readSourceRows on JSON edge cases', () => {
	it('reports a broken JSON line by its line number and reads the others', async () => {
		const file = await readSourceRows(utf8('{"id":1}\r\n{"id":2,\n\n{"id":3,"x":{"y":true}}\n'), { format: 'jsonl' });
		expect(file.rows).toEqual([
			{ rowNumber: 1, values: { id: 1, x: null } },
			{ rowNumber: 4, values: { id: 3, x: '{"y":true}' } }
		]);
		expect(file.problems).toHaveLength(1);
		expect(file.problems[0]).toMatchObject({ rowNumber: 2, raw: '{"id":2,' });
		expect(file.problems[0]!.message).toMatch(/^Baris 2 bukan JSON yang valid/);
	});

	it('reads JSON Lines with a byte order mark, characters beyond ASCII and no final line break', async () => {
		const file = await readSourceRows(utf8('\uFEFF{"judul":"Layanan “Jemput Bola” — Kab. Ngada"}\n{"judul":"Sekolah Ibu 👩"}'), { format: 'jsonl' });
		expect(file.headers).toEqual(['judul']);
		expect(file.rows).toEqual([
			{ rowNumber: 1, values: { judul: 'Layanan “Jemput Bola” — Kab. Ngada' } },
			{ rowNumber: 2, values: { judul: 'Sekolah Ibu 👩' } }
		]);
	});

	it.each([
		['only blank lines', utf8('\uFEFF \r\n\n\t\n'), 'Berkas kosong.'],
		['bytes that are not UTF-8', new Uint8Array([0x7b, 0x7d, 0x0a, 0xff, 0xfe, 0x0a]), 'Berkas tidak dapat dibaca: isinya bukan teks UTF-8. Simpan ulang berkas sebagai UTF-8.']
	])('throws FILE_UNREADABLE for JSON Lines with %s', async (_label, bytes, message) => {
		await expect(readSourceRows(bytes, { format: 'jsonl' })).rejects.toMatchObject({ code: 'FILE_UNREADABLE', message });
	});

	it('accepts an API page {data: [...]} and reports items that are not objects', async () => {
		const file = await readSourceRows(utf8('{"data":[{"id":1},5],"meta":{}}'), { format: 'auto' });
		expect(file.format).toBe('json');
		expect(file.rows).toEqual([{ rowNumber: 1, values: { id: 1 } }]);
		expect(file.problems).toEqual([{ rowNumber: 2, message: 'Data ke-2 bukan objek JSON.', raw: '5' }]);
	});

	it('throws FILE_UNREADABLE for JSON that is not a list of objects', async () => {
		await expect(readSourceRows(utf8('{"id":1'), { format: 'json' })).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
		await expect(readSourceRows(utf8('"teks"'), { format: 'json' })).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
		await expect(readSourceRows(utf8('bukan json\n'), { format: 'jsonl' })).rejects.toMatchObject({
			code: 'FILE_UNREADABLE'
		});
	});
});

describe('readSourceRows on XLSX edge cases', () => {
	async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
		const workbook = new ExcelJS.Workbook();
		build(workbook);
		return new Uint8Array(await workbook.xlsx.writeBuffer());
	}

	it('reads the first sheet when Inovasi is absent and says so; cells as their visible values', async () => {
		const bytes = await workbookBytes((workbook) => {
			const sheet = workbook.addWorksheet('Data');
			sheet.addRow(['ID Inovasi', 'Judul Inovasi', 'Tanggal', 'Tautan', 'Jumlah']);
			sheet.addRow([
				'SNV-1',
				{ richText: [{ text: 'SI ' }, { font: { bold: true }, text: 'PINTAR' }] },
				new Date(Date.UTC(2021, 2, 15)),
				{ text: 'Video', hyperlink: 'https://video.example/1' },
				{ formula: '1+1', result: 2 }
			]);
			sheet.addRow([]);
			sheet.addRow(['SNV-2', 'Kedua', null, null, null]);
		});
		const file = await readSourceRows(bytes, { format: 'auto' });
		expect(file.format).toBe('xlsx');
		expect(file.sheetName).toBe('Data');
		expect(file.notes).toEqual(['Lembar "Inovasi" tidak ditemukan; yang dibaca lembar pertama, "Data".']);
		expect(file.rows.map((row) => row.rowNumber)).toEqual([2, 4]);
		expect(file.emptyRows).toEqual([3]);
		expect(file.rows[0]!.values).toEqual({
			'ID Inovasi': 'SNV-1',
			'Judul Inovasi': 'SI PINTAR',
			Tanggal: new Date(Date.UTC(2021, 2, 15)),
			Tautan: 'Video',
			Jumlah: 2
		});
		expect(mapRow(DEFAULT_MAPPING_PROFILES.panrb, file.rows[0]!.values).fields).toMatchObject({
			externalId: 'SNV-1',
			title: 'SI PINTAR'
		});
	});

	it('throws FILE_UNREADABLE for bytes that are not a workbook', async () => {
		await expect(readSourceRows(utf8('bukan xlsx'), { format: 'xlsx' })).rejects.toMatchObject({
			code: 'FILE_UNREADABLE'
		});
	});
});

describe('formula guards in CSV cells', () => {
	it('reads an apostrophe-guarded cell back as the original text', async () => {
		const csv = "ID Inovasi,Telepon Kontak,Judul Inovasi\r\nA-1,'+62 812-0000-1632,'=JUDUL\r\nA-2,'biasa,Judul\r\n";
		const file = await readSourceRows(new TextEncoder().encode(csv), { format: 'csv' });
		expect(file.rows.map((r) => r.values)).toEqual([
			{ 'ID Inovasi': 'A-1', 'Telepon Kontak': '+62 812-0000-1632', 'Judul Inovasi': '=JUDUL' },
			{ 'ID Inovasi': 'A-2', 'Telepon Kontak': "'biasa", 'Judul Inovasi': 'Judul' }
		]);
	});
});
