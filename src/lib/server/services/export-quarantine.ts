/**
 * Writes the quarantined rows of one import run as CSV or XLSX so the data owner can fix them and
 * re-import the file: each row keeps its original source columns, followed by `Baris` (where it
 * was in the imported file) and `Alasan Karantina` (why it was refused). The importer keeps
 * unknown columns in the raw row, so the two extra columns do no harm on re-import.
 */
import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB, QuarantineReason, SourceKey } from '../db/schema';
import { DEFAULT_MAPPING_PROFILES, headerKey } from '../domain/import/mapping-profile';
import { AppError } from '../errors';
import { findImportRun, findLatestImportRun, listQuarantinedRows } from '../repositories/import-repository';
import { csvCell } from './export-innovations';

export const QUARANTINE_FORMATS = ['csv', 'xlsx'] as const;
export type QuarantineFormat = (typeof QUARANTINE_FORMATS)[number];

export const ROW_NUMBER_COLUMN = 'Baris';
export const REASONS_COLUMN = 'Alasan Karantina';

export interface ExportQuarantineInput {
	/** The run to export; without it, the latest run of `source`. */
	runId?: number;
	source?: SourceKey;
	format: QuarantineFormat;
	/** A file path (written to a temporary file, then renamed) or a stream (left open). */
	out: Writable | string;
}

export interface ExportQuarantineResult {
	runId: number;
	source: SourceKey;
	count: number;
	file?: string;
}

type Cell = string | number | boolean | null;

export async function exportQuarantine(db: Kysely<DB>, input: ExportQuarantineInput): Promise<ExportQuarantineResult> {
	if (!QUARANTINE_FORMATS.includes(input.format)) {
		throw new AppError('VALIDATION_FAILED', `Format "${String(input.format)}" tidak dikenal. Pilih csv atau xlsx.`);
	}
	const run = await findRun(db, input);
	const rows = await listQuarantinedRows(db, run.id);
	if (rows.length === 0) throw new AppError('NOT_FOUND', 'Tidak ada baris karantina untuk impor ini.');

	const sourceColumns = orderedColumns(
		run.source,
		rows.map((row) => row.raw)
	);
	const header = [...sourceColumns, ROW_NUMBER_COLUMN, REASONS_COLUMN];
	const table: Cell[][] = rows.map((row) => [
		...sourceColumns.map((column) => cellOf(row.raw[column])),
		row.row_number,
		reasonsText(row.reasons)
	]);
	const bytes = input.format === 'csv' ? csvBytes(header, table) : await xlsxBytes(header, table);

	const result = { runId: run.id, source: run.source, count: rows.length };
	if (typeof input.out === 'string') return { ...result, file: await writeFileAtomically(input.out, bytes) };
	await writeToStream(input.out, bytes);
	return result;
}

async function findRun(db: Kysely<DB>, input: ExportQuarantineInput) {
	if (input.runId !== undefined) {
		const run = await findImportRun(db, input.runId);
		if (!run) throw new AppError('NOT_FOUND', `Impor #${input.runId} tidak ditemukan.`);
		if (input.source && run.source !== input.source) {
			throw new AppError('VALIDATION_FAILED', `Impor #${input.runId} adalah impor sumber ${run.source}, bukan ${input.source}.`);
		}
		return run;
	}
	if (!input.source) throw new AppError('VALIDATION_FAILED', 'Sebutkan impor atau sumbernya.');
	const run = await findLatestImportRun(db, input.source);
	if (!run) throw new AppError('NOT_FOUND', `Sumber ${input.source} belum pernah diimpor.`);
	return run;
}

/** All messages, in the order the importer found them. */
export function reasonsText(reasons: QuarantineReason[]): string {
	return reasons.map((reason) => reason.message).join('; ');
}

/**
 * The raw columns in the source's header order. Raw rows are stored as jsonb, which does not
 * keep key order, so the order comes from the source's mapping profile; columns it does not
 * know follow in the order first seen. `Baris` and `Alasan Karantina` from an earlier export
 * that was re-imported are dropped: the new ones replace them.
 */
export function orderedColumns(source: SourceKey, raws: Record<string, unknown>[]): string[] {
	const profile = DEFAULT_MAPPING_PROFILES[source];
	const position = new Map<string, number>();
	Object.keys(profile.columns).forEach((header, index) => position.set(headerKey(header), index));
	for (const [variant, target] of Object.entries(profile.headerAliases ?? {})) {
		const index = position.get(headerKey(target));
		if (index !== undefined) position.set(headerKey(variant), index);
	}
	const ours = new Set([headerKey(ROW_NUMBER_COLUMN), headerKey(REASONS_COLUMN)]);
	const seen = new Set<string>();
	for (const raw of raws) for (const key of Object.keys(raw)) if (!ours.has(headerKey(key))) seen.add(key);
	const known = [...seen].filter((key) => position.has(headerKey(key)));
	const unknown = [...seen].filter((key) => !position.has(headerKey(key)));
	known.sort((a, b) => position.get(headerKey(a))! - position.get(headerKey(b))!);
	return [...known, ...unknown];
}

function cellOf(value: unknown): Cell {
	if (value === undefined || value === null) return null;
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
	return JSON.stringify(value);
}

function csvBytes(header: string[], table: Cell[][]): Buffer {
	// Every cell is source text, so each gets export-innovations' formula guard (it applies the
	// guard to its free-text columns, of which 'title' is one).
	const line = (cells: Cell[]) => cells.map((cell) => csvCell(cell === null ? null : String(cell), 'title')).join(',') + '\r\n';
	// The byte-order mark makes Excel read the file as UTF-8 instead of the local code page.
	return Buffer.from('\uFEFF' + line(header) + table.map(line).join(''), 'utf8');
}

async function xlsxBytes(header: string[], table: Cell[][]): Promise<Buffer> {
	const { default: ExcelJS } = await import('exceljs');
	const book = new ExcelJS.Workbook();
	book.creator = 'JIPPNas';
	const sheet = book.addWorksheet('Karantina', { views: [{ state: 'frozen', ySplit: 1 }] });
	// Plain values only: exceljs writes a formula solely for { formula } cells, so no guard is needed here.
	sheet.columns = header.map((name) => ({
		header: name,
		width: name === REASONS_COLUMN ? 80 : name === ROW_NUMBER_COLUMN ? 8 : 24
	}));
	for (const cells of table) sheet.addRow(cells);
	sheet.getRow(1).font = { bold: true };
	sheet.getColumn(header.length).alignment = { wrapText: true, vertical: 'top' };
	return Buffer.from(await book.xlsx.writeBuffer());
}

/** Writes beside the target and renames at the end, so a failure never leaves a half-written file. */
async function writeFileAtomically(file: string, bytes: Buffer): Promise<string> {
	const target = path.resolve(file);
	const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
	try {
		await writeFile(temporary, bytes, { flag: 'wx' });
		await rename(temporary, target);
	} catch (error) {
		await unlink(temporary).catch(() => undefined);
		throw new AppError('FILE_UNREADABLE', `Berkas ${file} tidak dapat ditulis: ${(error as Error).message}`);
	}
	return target;
}

function writeToStream(out: Writable, bytes: Buffer): Promise<void> {
	return new Promise((resolve, reject) => {
		out.write(bytes, (error) => (error ? reject(error) : resolve()));
	});
}
