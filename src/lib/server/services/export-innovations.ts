import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type { DB, SourceKey, Stage } from '../db/schema';
import { AppError } from '../errors';
import {
	countExportableInnovations,
	listExportPage,
	listSourceKeysOf
} from '../repositories/export-repository';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One canonical innovation as exported (docs: source-formats.md, "Canonical export"). */
export interface ExportedInnovation {
	id: string;
	title: string;
	acronym: string | null;
	regionCode: string | null;
	provinceCode: string | null;
	agency: { id: string; name: string };
	stage: Stage;
	yearStarted: number | null;
	mainAffair: string | null;
	sdgs: number[];
	isDigital: boolean | null;
	sources: Array<{ source: SourceKey; externalId: string }>;
	updatedAt: string;
}

/** Flat columns of the CSV and XLSX exports, in order; the JSON keys they come from. */
export const FLAT_COLUMNS = [
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
] as const;
type FlatColumn = (typeof FLAT_COLUMNS)[number];
type FlatRow = Record<FlatColumn, string | number | null>;

export interface ExportOptions {
	format: ExportFormat;
	/** Called after each page: innovations written so far, and the number expected. */
	onProgress?: (done: number, total: number) => void;
	/** Rows per database page. */
	pageSize?: number;
}

export type ExportDestination = { file: string } | { stream: Writable };

export interface ExportOutcome {
	count: number;
	file?: string;
}

/**
 * Writes every live innovation, in id order, as JSON (an array), CSV (UTF-8 with BOM, for
 * Excel) or XLSX (sheet `Inovasi`), page by page so memory stays flat however large the
 * registry. To a file, it writes a temporary file beside it and renames it at the end: a
 * failed export never leaves a half-written file under the requested name. To a stream, the
 * stream is not ended (it may be stdout).
 */
export async function exportInnovations(
	db: Kysely<DB>,
	destination: ExportDestination,
	options: ExportOptions
): Promise<ExportOutcome> {
	if (!EXPORT_FORMATS.includes(options.format)) {
		throw new AppError('VALIDATION_FAILED', `Format ekspor "${options.format}" tidak dikenal.`);
	}
	if ('stream' in destination) {
		const count = await writeExport(db, destination.stream, options);
		return { count };
	}
	const target = path.resolve(destination.file);
	const temporary = path.join(
		path.dirname(target),
		`.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
	);
	const file = createWriteStream(temporary, { flags: 'wx' });
	try {
		await once(file, 'open');
	} catch (error) {
		throw new AppError(
			'FILE_UNREADABLE',
			`Berkas ${destination.file} tidak dapat ditulis: ${(error as Error).message}`
		);
	}
	try {
		const count = await writeExport(db, file, options);
		file.end();
		await finished(file);
		await rename(temporary, target);
		return { count, file: target };
	} catch (error) {
		// Writes still queued fail once the stream is destroyed; that is expected here.
		file.on('error', () => undefined);
		if (!file.closed) {
			const closed = new Promise<void>((resolve) => file.once('close', () => resolve()));
			file.destroy();
			await closed;
		}
		await unlink(temporary).catch(() => undefined);
		throw error;
	}
}

async function writeExport(db: Kysely<DB>, out: Writable, options: ExportOptions): Promise<number> {
	// A broken destination (disk full, closed pipe) rejects instead of waiting forever on 'drain'.
	let rejectOnError!: (error: Error) => void;
	const broken = new Promise<never>((_, reject) => (rejectOnError = reject));
	broken.catch(() => undefined);
	out.on('error', rejectOnError);
	try {
		const writer = writersByFormat[options.format](out);
		const run = async () => {
			const total = await countExportableInnovations(db);
			options.onProgress?.(0, total);
			let done = 0;
			for await (const page of pagesOf(db, options.pageSize ?? 2000)) {
				// Stop reading pages once the destination is gone.
				if (out.destroyed) throw new Error('Tujuan ekspor tertutup sebelum ekspor selesai.');
				await writer.page(page);
				done += page.length;
				options.onProgress?.(done, Math.max(total, done));
			}
			await writer.close();
			return done;
		};
		const running = run();
		running.catch(() => undefined);
		return await Promise.race([running, broken]);
	} finally {
		out.off('error', rejectOnError);
	}
}

async function* pagesOf(db: Kysely<DB>, pageSize: number): AsyncGenerator<ExportedInnovation[]> {
	let afterId: string | null = null;
	for (;;) {
		const rows = await listExportPage(db, afterId, pageSize);
		if (rows.length === 0) return;
		const keys = await listSourceKeysOf(
			db,
			rows.map((r) => r.id)
		);
		const sourcesById = new Map<string, ExportedInnovation['sources']>();
		for (const key of keys) {
			const list = sourcesById.get(key.innovation_id!) ?? [];
			list.push({ source: key.source, externalId: key.external_id });
			sourcesById.set(key.innovation_id!, list);
		}
		yield rows.map((row) => ({
			id: row.id,
			title: row.title,
			acronym: row.acronym,
			regionCode: row.region_code,
			provinceCode: row.province_code ?? null,
			agency: { id: row.agency_id, name: row.agency_name },
			stage: row.stage,
			yearStarted: row.year_started,
			mainAffair: row.main_affair,
			sdgs: row.sdgs,
			isDigital: row.is_digital,
			sources: sourcesById.get(row.id) ?? [],
			updatedAt: new Date(row.updated_at).toISOString()
		}));
		if (rows.length < pageSize) return;
		afterId = rows[rows.length - 1]!.id;
	}
}

interface FormatWriter {
	page(items: ExportedInnovation[]): Promise<void>;
	close(): Promise<void>;
}

const writersByFormat: Record<ExportFormat, (out: Writable) => FormatWriter> = {
	json: jsonWriter,
	csv: csvWriter,
	xlsx: xlsxWriter
};

async function write(out: Writable, chunk: string): Promise<void> {
	if (!out.write(chunk)) await once(out, 'drain');
}

function jsonWriter(out: Writable): FormatWriter {
	let first = true;
	return {
		async page(items) {
			let chunk = '';
			for (const item of items) {
				chunk += (first ? '[\n' : ',\n') + JSON.stringify(item);
				first = false;
			}
			await write(out, chunk);
		},
		async close() {
			await write(out, first ? '[]\n' : '\n]\n');
		}
	};
}

export function flattenInnovation(item: ExportedInnovation): FlatRow {
	return {
		id: item.id,
		title: item.title,
		acronym: item.acronym,
		regionCode: item.regionCode,
		provinceCode: item.provinceCode,
		agencyId: item.agency.id,
		agencyName: item.agency.name,
		stage: item.stage,
		yearStarted: item.yearStarted,
		mainAffair: item.mainAffair,
		sdgs: item.sdgs.join('|'),
		isDigital: item.isDigital === null ? null : String(item.isDigital),
		sources: item.sources.map((s) => `${s.source}:${s.externalId}`).join('|'),
		updatedAt: item.updatedAt
	};
}

// Spreadsheet programs run a cell starting with one of these as a formula; free text that
// does so gets a leading apostrophe (the usual CSV-injection guard).
const FORMULA_START = /^[=+\-@\t\r]/;
const FREE_TEXT: ReadonlySet<FlatColumn> = new Set(['title', 'acronym', 'agencyName']);

export function csvCell(value: string | number | null, column?: FlatColumn): string {
	if (value === null) return '';
	let text = String(value);
	if (column && FREE_TEXT.has(column) && FORMULA_START.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvWriter(out: Writable): FormatWriter {
	let started = false;
	const start = () => {
		started = true;
		// The byte-order mark makes Excel read the file as UTF-8 instead of the local code page.
		return '\uFEFF' + FLAT_COLUMNS.join(',') + '\r\n';
	};
	return {
		async page(items) {
			let chunk = started ? '' : start();
			for (const item of items) {
				const row = flattenInnovation(item);
				chunk += FLAT_COLUMNS.map((column) => csvCell(row[column], column)).join(',') + '\r\n';
			}
			await write(out, chunk);
		},
		async close() {
			if (!started) await write(out, start());
		}
	};
}

const XLSX_WIDTHS: Record<FlatColumn, number> = {
	id: 16,
	title: 60,
	acronym: 16,
	regionCode: 10,
	provinceCode: 10,
	agencyId: 18,
	agencyName: 40,
	stage: 14,
	yearStarted: 10,
	mainAffair: 18,
	sdgs: 10,
	isDigital: 10,
	sources: 36,
	updatedAt: 26
};

function xlsxWriter(out: Writable): FormatWriter {
	// exceljs resolves commit() on its stream's 'finish', which stdout never emits: it writes
	// into its own pass-through, piped on without ending the destination.
	const zipped = new PassThrough();
	zipped.pipe(out, { end: false });
	let workbookPromise: Promise<{ book: WorkbookWriter; sheet: WorksheetWriter }> | undefined;
	const open = () =>
		(workbookPromise ??= (async () => {
			const { default: ExcelJS } = await import('exceljs');
			const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: zipped, useStyles: true });
			book.creator = 'JIPPNas';
			const sheet = book.addWorksheet('Inovasi', { views: [{ state: 'frozen', ySplit: 1 }] });
			sheet.columns = FLAT_COLUMNS.map((key) => ({ header: key, key, width: XLSX_WIDTHS[key] }));
			sheet.getRow(1).font = { bold: true };
			return { book, sheet };
		})());
	return {
		async page(items) {
			const { sheet } = await open();
			for (const item of items) sheet.addRow(flattenInnovation(item)).commit();
			// Let the zip stream flush this page before the next one is built.
			if (zipped.writableNeedDrain) await once(zipped, 'drain');
		},
		async close() {
			const { book, sheet } = await open();
			sheet.commit();
			await book.commit();
			await finished(zipped);
		}
	};
}

type WorkbookWriter = InstanceType<typeof import('exceljs').stream.xlsx.WorkbookWriter>;
type WorksheetWriter = ReturnType<WorkbookWriter['addWorksheet']>;
