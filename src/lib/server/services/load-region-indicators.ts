import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import {
	detectIndicatorKind,
	INDICATOR_FILE_NAMES,
	missingIndicatorColumns,
	normaliseHeader,
	parseIndicatorRow,
	type IndicatorKind,
	type RegionIndicators
} from '../domain/region-indicators';
import { AppError } from '../errors';
import { existingRegionCodes, upsertCharacteristics } from '../repositories/region-repository';

export interface IndicatorFile {
	name: string;
	content: string | Uint8Array;
}

export interface IndicatorFileOutcome {
	name: string;
	kind: IndicatorKind;
	rows: number;
	loaded: number;
	/** Codes in the file that are not a known region: skipped. */
	unknownCodes: string[];
}

export interface RegionIndicatorsOutcome {
	files: IndicatorFileOutcome[];
	loaded: number;
	unknown: number;
}

/** Called while writing: rows written so far out of the rows to write. */
export type IndicatorProgress = (done: number, total: number) => void;

const WRITE_BATCH = 100;
const SHOWN_PROBLEMS = 5;

/**
 * Loads `indikator_kabkota.csv` and/or `indikator_provinsi.csv` (given as contents, or as paths
 * of the files or of the folder holding them) into region_characteristics. Every file and row
 * is checked before anything is written, and the write is one transaction: a bad file or a bad
 * row leaves the table as it was. Rows for codes that are not known regions are skipped and
 * reported.
 */
export async function loadRegionIndicators(
	db: Kysely<DB>,
	input: string | ReadonlyArray<string | IndicatorFile>,
	onProgress?: IndicatorProgress
): Promise<RegionIndicatorsOutcome> {
	const files = await readInputs(typeof input === 'string' ? [input] : input);
	const parsed = files.map(parseIndicatorFile);
	rejectDuplicates(parsed);

	const allCodes = parsed.flatMap((file) => file.rows.map((row) => row.region_code));
	return db.transaction().execute(async (trx) => {
		const known = await existingRegionCodes(trx, allCodes);
		const toWrite = parsed.flatMap((file) => file.rows.filter((row) => known.has(row.region_code)));
		onProgress?.(0, toWrite.length);
		for (let i = 0; i < toWrite.length; i += WRITE_BATCH) {
			await upsertCharacteristics(trx, toWrite.slice(i, i + WRITE_BATCH));
			onProgress?.(Math.min(i + WRITE_BATCH, toWrite.length), toWrite.length);
		}
		const outcomes = parsed.map((file) => {
			const unknownCodes = file.rows.map((r) => r.region_code).filter((code) => !known.has(code));
			return {
				name: file.name,
				kind: file.kind,
				rows: file.rows.length,
				loaded: file.rows.length - unknownCodes.length,
				unknownCodes
			};
		});
		return {
			files: outcomes,
			loaded: outcomes.reduce((sum, f) => sum + f.loaded, 0),
			unknown: outcomes.reduce((sum, f) => sum + f.unknownCodes.length, 0)
		};
	});
}

async function readInputs(inputs: ReadonlyArray<string | IndicatorFile>): Promise<IndicatorFile[]> {
	const files: IndicatorFile[] = [];
	for (const item of inputs) {
		if (typeof item !== 'string') files.push(item);
		else files.push(...(await readPath(item)));
	}
	if (files.length === 0) {
		throw new AppError('FILE_UNREADABLE', 'Tidak ada berkas indikator yang diberikan.');
	}
	return files;
}

async function readPath(target: string): Promise<IndicatorFile[]> {
	const info = await stat(target).catch(() => null);
	if (!info) throw new AppError('FILE_UNREADABLE', `Berkas atau folder ${target} tidak ditemukan.`);
	if (info.isFile()) return [{ name: path.basename(target), content: await readFile(target) }];
	const found: IndicatorFile[] = [];
	for (const name of Object.values(INDICATOR_FILE_NAMES)) {
		const content = await readFile(path.join(target, name)).catch(() => null);
		if (content) found.push({ name, content });
	}
	if (found.length === 0) {
		throw new AppError(
			'FILE_UNREADABLE',
			`Folder ${target} tidak berisi ${INDICATOR_FILE_NAMES.kabkota} maupun ${INDICATOR_FILE_NAMES.provinsi}.`
		);
	}
	return found;
}

interface ParsedFile {
	name: string;
	kind: IndicatorKind;
	rows: RegionIndicators[];
	/** Line number of each row, for messages. */
	lines: number[];
}

function parseIndicatorFile(file: IndicatorFile): ParsedFile {
	let records: Array<{ record: string[]; info: { lines: number } }>;
	try {
		records = parse(typeof file.content === 'string' ? file.content : Buffer.from(file.content), {
			bom: true,
			info: true,
			skip_empty_lines: true
		}) as unknown as typeof records;
	} catch (error) {
		const reason = error instanceof CsvError ? error.message : String(error);
		throw new AppError('FILE_UNREADABLE', `Berkas ${file.name} tidak dapat dibaca sebagai CSV: ${reason}`);
	}
	const [headerRecord, ...body] = records;
	if (!headerRecord) throw new AppError('FILE_UNREADABLE', `Berkas ${file.name} kosong.`);
	const header = headerRecord.record.map(normaliseHeader);

	const kind = detectIndicatorKind(file.name, header);
	if (!kind) {
		throw new AppError(
			'VALIDATION_FAILED',
			`Berkas ${file.name} tidak dikenali: beri nama ${INDICATOR_FILE_NAMES.kabkota} atau ${INDICATOR_FILE_NAMES.provinsi}.`
		);
	}
	const missing = missingIndicatorColumns(kind, header);
	if (missing.length) {
		const hint = header.length === 1 && header[0]!.includes(';') ? ' (pemisah kolom harus koma)' : '';
		throw new AppError(
			'VALIDATION_FAILED',
			`Berkas ${file.name} tidak memiliki kolom wajib: ${missing.join(', ')}${hint}. Tidak ada data yang disimpan.`,
			missing.map((column) => ({ path: `${file.name}:${column}`, message: 'kolom wajib tidak ada' }))
		);
	}

	const rows: RegionIndicators[] = [];
	const lines: number[] = [];
	const problems: Array<{ path: string; message: string }> = [];
	for (const { record, info } of body) {
		const cells: Record<string, string> = {};
		header.forEach((column, index) => (cells[column] = record[index] ?? ''));
		const result = parseIndicatorRow(kind, cells);
		if (result.ok) {
			rows.push(result.value);
			lines.push(info.lines);
		} else {
			for (const problem of result.problems) {
				problems.push({
					path: `${file.name}:${info.lines}:${problem.column}`,
					message: `baris ${info.lines}, kolom ${problem.column}: ${problem.message}`
				});
			}
		}
	}
	if (problems.length) throw invalidRows(file.name, problems);
	return { name: file.name, kind, rows, lines };
}

function rejectDuplicates(files: ParsedFile[]): void {
	const seen = new Map<string, string>();
	const problems: Array<{ path: string; message: string }> = [];
	for (const file of files) {
		file.rows.forEach((row, index) => {
			const where = `${file.name} baris ${file.lines[index]}`;
			const first = seen.get(row.region_code);
			if (first) {
				problems.push({
					path: `${file.name}:${file.lines[index]}:kode`,
					message: `${where}: kode ${row.region_code} sudah ada di ${first}`
				});
			} else seen.set(row.region_code, where);
		});
	}
	if (problems.length) throw invalidRows(files.map((f) => f.name).join(', '), problems);
}

function invalidRows(name: string, problems: Array<{ path: string; message: string }>): AppError {
	const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => `  - ${p.message}`);
	if (problems.length > SHOWN_PROBLEMS) shown.push(`  - dan ${problems.length - SHOWN_PROBLEMS} masalah lain`);
	return new AppError(
		'VALIDATION_FAILED',
		`Berkas ${name} berisi data yang tidak valid. Tidak ada data yang disimpan.\n${shown.join('\n')}`,
		problems
	);
}
