import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/lib/server/errors';
import { findSourceRecords } from '../../src/lib/server/repositories/import-repository';
import { csvCell } from '../../src/lib/server/services/export-innovations';
import { exportQuarantine } from '../../src/lib/server/services/export-quarantine';
import { importSourceFile } from '../../src/lib/server/services/import-source-file';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const SAMPLE = path.resolve(import.meta.dirname, '../../../shared/samples/panrb.csv');
const BIN = path.resolve(import.meta.dirname, '../../bin/jippnas.js');
const NO_AGENCY_ID = 'SNV-2020-940610';
const NO_AGENCY_REASON = 'Instansi tidak dapat dikenali: nama instansi dan ID Instansi PANRB kosong.';

const originalHeader = (readFileSync(SAMPLE, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '').split(',');

let database: TestDatabase;
let workDir: string;
let runId: number;

beforeAll(async () => {
	workDir = mkdtempSync(path.join(tmpdir(), 'jippnas-quarantine-'));
	database = await createTestDatabase();
	const result = await importSourceFile(database.db, {
		source: 'panrb',
		fileName: 'panrb.csv',
		bytes: new Uint8Array(readFileSync(SAMPLE)),
		actor: 'test'
	});
	expect(result.counts.rejected).toBe(1);
	runId = result.runId;
}, 120_000);

afterAll(async () => {
	await database?.dispose();
	if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function parseCsv(bytes: Buffer): string[][] {
	return parse(bytes.toString('utf8').replace(/^\uFEFF/, ''), { relax_column_count: false }) as string[][];
}

async function exportCsv(options: { runId?: number } = {}): Promise<Buffer> {
	const out = new PassThrough();
	const chunks: Buffer[] = [];
	out.on('data', (chunk: Buffer) => chunks.push(chunk));
	await exportQuarantine(database.db, { source: 'panrb', ...options, format: 'csv', out });
	return Buffer.concat(chunks);
}

describe('exportQuarantine', () => {
	it('writes the latest run as CSV: BOM, the original columns in order, then Baris and Alasan Karantina', async () => {
		const bytes = await exportCsv();
		expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
		const [header, ...rows] = parseCsv(bytes);
		expect(header).toEqual([...originalHeader, 'Baris', 'Alasan Karantina']);
		expect(rows).toHaveLength(1);
		const row = Object.fromEntries(header!.map((column, i) => [column, rows[0]![i]]));
		expect(row['ID Inovasi']).toBe(NO_AGENCY_ID);
		expect(row['Instansi']).toBe('');
		expect(row['Unit Penyelenggara Pelayanan']).toBe('Dinas Komunikasi dan Informatika');
		expect(row['Baris']).toBe('35');
		expect(row['Alasan Karantina']).toBe(NO_AGENCY_REASON);
		// A cell a spreadsheet would run as a formula is guarded.
		expect(row['Telepon Kontak']).toBe("'+62 812-0000-1632");
	});

	it('writes XLSX to a file: sheet Karantina, bold header, wide reason column, the same cells', async () => {
		const file = path.join(workDir, 'karantina.xlsx');
		const result = await exportQuarantine(database.db, { runId, format: 'xlsx', out: file });
		expect(result).toEqual({ runId, source: 'panrb', count: 1, file });
		const book = new ExcelJS.Workbook();
		await book.xlsx.readFile(file);
		const sheet = book.getWorksheet('Karantina')!;
		expect(sheet).toBeDefined();
		const header = (sheet.getRow(1).values as unknown[]).slice(1);
		expect(header).toEqual([...originalHeader, 'Baris', 'Alasan Karantina']);
		expect(sheet.getRow(1).font?.bold).toBe(true);
		expect(sheet.getColumn(header.length).width).toBeGreaterThanOrEqual(60);
		const cells = (sheet.getRow(2).values as unknown[]).slice(1);
		expect(cells[0]).toBe(NO_AGENCY_ID);
		expect(cells[header.length - 2]).toBe(35);
		expect(cells[header.length - 1]).toBe(NO_AGENCY_REASON);
		// XLSX cells are plain text, never formulas: no guard is added.
		expect(cells[header.indexOf('Telepon Kontak')]).toBe('+62 812-0000-1632');
	});

	it('refuses a run without quarantined rows, an unknown run and a run of another source', async () => {
		const clean = await importSourceFile(database.db, {
			source: 'panrb',
			fileName: 'kosong.csv',
			bytes: new TextEncoder().encode('ID Inovasi,Judul Inovasi,Instansi\r\n'),
			actor: 'test'
		});
		const out = new PassThrough();
		await expect(exportQuarantine(database.db, { runId: clean.runId, format: 'csv', out })).rejects.toMatchObject({
			code: 'NOT_FOUND',
			message: 'Tidak ada baris karantina untuk impor ini.'
		});
		await expect(exportQuarantine(database.db, { runId: 999_999, format: 'csv', out })).rejects.toThrow(
			new AppError('NOT_FOUND', 'Impor #999999 tidak ditemukan.')
		);
		await expect(exportQuarantine(database.db, { runId, source: 'lan', format: 'csv', out })).rejects.toMatchObject({
			code: 'VALIDATION_FAILED'
		});
		await expect(exportQuarantine(database.db, { source: 'lan', format: 'csv', out })).rejects.toMatchObject({
			code: 'NOT_FOUND',
			message: 'Sumber lan belum pernah diimpor.'
		});
	});

	it('re-imports the exported CSV once the agency is filled in', async () => {
		const [header, ...rows] = parseCsv(await exportCsv({ runId }));
		const fixed = rows.map((row) => row.map((cell, i) => (header![i] === 'Instansi' ? 'Pemerintah Kabupaten Ngada' : cell)));
		const csv = '\uFEFF' + [header!, ...fixed].map((row) => row.map((cell) => csvCell(cell)).join(',')).join('\r\n') + '\r\n';

		const result = await importSourceFile(database.db, {
			source: 'panrb',
			fileName: 'karantina-diperbaiki.csv',
			bytes: new TextEncoder().encode(csv),
			actor: 'test'
		});
		expect(result.unknownColumns).toEqual(['Baris', 'Alasan Karantina']);
		expect(result.counts).toMatchObject({ read: 1, inserted: 1, rejected: 0 });
		const [record] = await findSourceRecords(database.db, 'panrb', [NO_AGENCY_ID]);
		expect(record?.innovation_id).toBeTruthy();
		const innovation = await database.db
			.selectFrom('innovations')
			.select('agency_id')
			.where('id', '=', record!.innovation_id!)
			.executeTakeFirstOrThrow();
		expect(innovation.agency_id).toBe('pemkab-53.09');
	}, 60_000);
});

describe('jippnas quarantine', () => {
	it('exits with 1 and says so when the source was never imported', async () => {
		const dir = mkdtempSync(path.join(workDir, 'cli-'));
		const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
			const child = spawn(process.execPath, [BIN, 'quarantine', '--source', 'lan', '--format', 'csv'], {
				cwd: dir,
				// Only what the command needs: vitest puts Vite's own BASE_URL=/ into process.env.
				env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, DATA_DIR: './data', DATABASE_URL: '', SEED_DEMO: 'never' },
				stdio: ['ignore', 'pipe', 'pipe']
			});
			let out = '';
			let err = '';
			child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
			child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
			child.on('error', reject);
			child.on('close', (exit) => resolve({ code: exit, stdout: out, stderr: err }));
		});
		expect(stdout).toBe('');
		expect(stderr).toContain('Sumber lan belum pernah diimpor.\n');
		expect(code).toBe(1);
	}, 120_000);
});
