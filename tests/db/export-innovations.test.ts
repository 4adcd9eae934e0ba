import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { innovationId } from '../../src/lib/server/domain/ids';
import { exportInnovations, type ExportFormat } from '../../src/lib/server/services/export-innovations';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
let dir: string;
const ids = { ngada: '', kemenkes: '', deleted: '', tricky: '' };

beforeAll(async () => {
	database = await createTestDatabase();
	dir = mkdtempSync(path.join(tmpdir(), 'jippnas-export-'));
	const db = database.db;
	ids.ngada = innovationId();
	ids.kemenkes = innovationId();
	ids.deleted = innovationId();
	ids.tricky = innovationId();
	await db
		.insertInto('innovations')
		.values([
			{
				id: ids.ngada,
				title: 'Sistem Informasi Posyandu Terpadu',
				acronym: 'SIPANDU',
				agency_id: 'pemkab-53.09',
				region_code: '53.09',
				year_started: 2021,
				main_affair: 'kesehatan',
				sdgs: [3, 10],
				is_digital: true,
				stage: 'pelembagaan',
				contact_email: 'rahasia@ngadakab.go.id',
				contact_phone: '081234567890',
				updated_at: '2024-05-06T07:08:09.000Z'
			},
			{ id: ids.kemenkes, title: 'Antrean Daring Rumah Sakit', agency_id: 'kemenkes' },
			{
				id: ids.deleted,
				title: 'Inovasi yang Dihapus',
				agency_id: 'pemkot-35.78',
				region_code: '35.78',
				deleted_at: new Date(),
				deleted_by: 'admin',
				delete_reason: 'duplikat'
			},
			{
				id: ids.tricky,
				title: '=HYPERLINK("x"), "Kartu" Sehat\nBaris dua',
				agency_id: 'pemkot-35.78',
				region_code: '35.78',
				is_digital: false
			}
		])
		.execute();
	await db
		.insertInto('source_records')
		.values([
			{ source: 'panrb', external_id: 'SNV-2021-000123', innovation_id: ids.ngada, raw: JSON.stringify({ a: 1 }) },
			{ source: 'lan', external_id: '123', innovation_id: ids.ngada, raw: JSON.stringify({ id: 123 }) },
			{ source: 'kemendagri', external_id: '77', innovation_id: ids.deleted, raw: JSON.stringify({}) },
			// Not linked to any innovation (e.g. rejected): in no innovation's sources.
			{ source: 'lan', external_id: '999', innovation_id: null, raw: JSON.stringify({}) }
		])
		.execute();
});
afterAll(async () => {
	await database?.dispose();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Exports into memory. */
async function exportToBuffer(format: ExportFormat, pageSize?: number): Promise<Buffer> {
	const chunks: Buffer[] = [];
	const sink = new Writable({
		write(chunk: Buffer, _encoding, callback) {
			chunks.push(Buffer.from(chunk));
			callback();
		}
	});
	await exportInnovations(database.db, { stream: sink }, { format, pageSize });
	return Buffer.concat(chunks);
}

const sorted = () => Object.values(ids).filter((id) => id !== ids.deleted).sort();

describe('exportInnovations', () => {
	it('json: one canonical object per live innovation, in id order, without contacts', async () => {
		const text = (await exportToBuffer('json', 2)).toString('utf8');
		const items = JSON.parse(text) as Array<Record<string, unknown>>;
		expect(items.map((i) => i.id)).toEqual(sorted());
		expect(items.find((i) => i.id === ids.ngada)).toEqual({
			id: ids.ngada,
			title: 'Sistem Informasi Posyandu Terpadu',
			acronym: 'SIPANDU',
			regionCode: '53.09',
			provinceCode: '53',
			agency: { id: 'pemkab-53.09', name: 'Pemerintah Kabupaten Ngada' },
			stage: 'pelembagaan',
			yearStarted: 2021,
			mainAffair: 'kesehatan',
			sdgs: [3, 10],
			isDigital: true,
			sources: [
				{ source: 'lan', externalId: '123' },
				{ source: 'panrb', externalId: 'SNV-2021-000123' }
			],
			updatedAt: '2024-05-06T07:08:09.000Z'
		});
		expect(items.find((i) => i.id === ids.kemenkes)).toMatchObject({
			regionCode: null,
			provinceCode: null,
			agency: { id: 'kemenkes', name: 'Kementerian Kesehatan' },
			stage: 'penciptaan',
			sources: []
		});
		expect(text).not.toContain('rahasia@ngadakab.go.id');
		expect(text).not.toContain('081234567890');
		expect(text).not.toContain('Inovasi yang Dihapus');
	});

	it('csv: BOM, flat columns, sources joined, quoting and the formula guard', async () => {
		const buffer = await exportToBuffer('csv');
		expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = buffer.toString('utf8').slice(1);
		const [header, ...rest] = text.split('\r\n');
		expect(header).toBe(
			'id,title,acronym,regionCode,provinceCode,agencyId,agencyName,stage,yearStarted,mainAffair,sdgs,isDigital,sources,updatedAt'
		);
		expect(rest.at(-1)).toBe('');
		const ngadaLine = rest.find((line) => line.startsWith(ids.ngada))!;
		expect(ngadaLine).toBe(
			`${ids.ngada},Sistem Informasi Posyandu Terpadu,SIPANDU,53.09,53,pemkab-53.09,Pemerintah Kabupaten Ngada,pelembagaan,2021,kesehatan,3|10,true,lan:123|panrb:SNV-2021-000123,2024-05-06T07:08:09.000Z`
		);
		// The title holds a comma, quotes and a line break, and starts like a formula.
		expect(text).toContain(`${ids.tricky},"'=HYPERLINK(""x""), ""Kartu"" Sehat\nBaris dua",,35.78,35,pemkot-35.78,`);
		expect(text).not.toContain('rahasia');
		expect(text).not.toContain(ids.deleted);
	});

	it('xlsx: sheet Inovasi with a header row and one row per innovation, written to the file', async () => {
		const out = path.join(dir, 'inovasi.xlsx');
		const progress: Array<[number, number]> = [];
		const outcome = await exportInnovations(
			database.db,
			{ file: out },
			{ format: 'xlsx', pageSize: 2, onProgress: (done, total) => progress.push([done, total]) }
		);
		expect(outcome).toEqual({ count: 3, file: out });
		expect(progress).toEqual([
			[0, 3],
			[2, 3],
			[3, 3]
		]);
		expect(readdirSync(dir)).toEqual(['inovasi.xlsx']);

		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(out);
		const sheet = workbook.getWorksheet('Inovasi')!;
		expect(sheet.rowCount).toBe(4);
		const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
		expect(values(1)).toEqual([
			'id',
			'title',
			'acronym',
			'regionCode',
			'provinceCode',
			'agencyId',
			'agencyName',
			'stage',
			'yearStarted',
			'mainAffair',
			'sdgs',
			'isDigital',
			'sources',
			'updatedAt'
		]);
		const ngadaRow = [2, 3, 4].map(values).find((v) => v[0] === ids.ngada)!;
		expect(ngadaRow).toEqual([
			ids.ngada,
			'Sistem Informasi Posyandu Terpadu',
			'SIPANDU',
			'53.09',
			'53',
			'pemkab-53.09',
			'Pemerintah Kabupaten Ngada',
			'pelembagaan',
			2021,
			'kesehatan',
			'3|10',
			'true',
			'lan:123|panrb:SNV-2021-000123',
			'2024-05-06T07:08:09.000Z'
		]);
	});

	it('a failed export leaves neither a half file nor a temporary file, and keeps an older file', async () => {
		const out = path.join(dir, 'gagal.json');
		writeFileSync(out, 'ekspor lama');
		const run = exportInnovations(
			database.db,
			{ file: out },
			{
				format: 'json',
				pageSize: 1,
				onProgress: (done) => {
					if (done === 2) throw new Error('terputus');
				}
			}
		);
		await expect(run).rejects.toThrow('terputus');
		expect(readFileSync(out, 'utf8')).toBe('ekspor lama');
		expect(readdirSync(dir).filter((name) => name.includes('gagal'))).toEqual(['gagal.json']);
	});

	it('refuses a destination that cannot be written', async () => {
		const out = path.join(dir, 'tidak-ada', 'inovasi.csv');
		await expect(exportInnovations(database.db, { file: out }, { format: 'csv' })).rejects.toThrow(
			/^Berkas .*inovasi\.csv tidak dapat ditulis: ENOENT/
		);
		expect(existsSync(path.dirname(out))).toBe(false);
	});

	// Last: it deletes this file's innovations.
	it('with every innovation deleted, exports an empty array and a header-only csv', async () => {
		await database.db.updateTable('innovations').set({ deleted_at: new Date(), deleted_by: 'test' }).execute();
		expect(JSON.parse((await exportToBuffer('json')).toString('utf8'))).toEqual([]);
		expect((await exportToBuffer('csv')).toString('utf8').split('\r\n')).toHaveLength(2);
	});
});
