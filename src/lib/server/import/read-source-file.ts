/**
 * Reads a source export (CSV, XLSX, JSON array or JSON Lines) from its bytes into rows keyed by
 * header. No file system access and no interpretation of values: the mapping profile picks the
 * fields and the normaliser parses them. A bad row is reported and skipped; only a file that
 * cannot be read at all throws (AppError FILE_UNREADABLE).
 */
import { isUtf8 } from 'node:buffer';
import { CsvError, parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { AppError } from '../errors';

export type SourceFileFormat = 'csv' | 'xlsx' | 'json' | 'jsonl';
export type CellValue = string | number | Date | null;

export interface SourceRow {
	/** Where the row is: the line a CSV record starts on, the worksheet row, the JSON Lines line, or the position (1-based) in a JSON array. */
	rowNumber: number;
	values: Record<string, CellValue>;
}

export interface RowProblem {
	rowNumber: number;
	message: string;
	/** What was read of the row, so it can be kept in quarantine. */
	raw?: string;
}

export interface SourceFile {
	format: SourceFileFormat;
	headers: string[];
	rows: SourceRow[];
	/** Rows that could not be read; the rest of the file is still returned. */
	problems: RowProblem[];
	/** Row numbers of fully empty rows that were skipped. */
	emptyRows: number[];
	/** Things the reader decided that an operator should know, e.g. which worksheet it used. */
	notes: string[];
	delimiter?: ',' | ';';
	sheetName?: string;
}

export interface ReadSourceOptions {
	format: SourceFileFormat | 'auto';
	fileName?: string;
	/** Worksheet to read from an XLSX file; `Inovasi` by default, the first sheet when absent. */
	sheet?: string;
}

const DEFAULT_SHEET = 'Inovasi';

export async function readSourceRows(bytes: Uint8Array, options: ReadSourceOptions): Promise<SourceFile> {
	const format = options.format === 'auto' ? detectFormat(bytes, options.fileName) : options.format;
	if (format === 'xlsx') return readXlsx(bytes, options.sheet ?? DEFAULT_SHEET);
	if (format === 'csv') return readCsv(utf8Bytes(bytes));
	if (format === 'jsonl') return readJsonLines(utf8Bytes(bytes));
	const text = decodeUtf8(bytes);
	if (text.trim() === '') throw new AppError('FILE_UNREADABLE', EMPTY_FILE);
	return readJson(text);
}

export function detectFormat(bytes: Uint8Array, fileName?: string): SourceFileFormat {
	const extension = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
	if (extension === 'csv' || extension === 'txt') return 'csv';
	if (extension === 'xlsx') return 'xlsx';
	if (extension === 'json') return 'json';
	if (extension === 'jsonl' || extension === 'ndjson') return 'jsonl';
	// A ZIP container is the only binary format accepted.
	if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
	const text = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart();
	if (text.startsWith('[')) return 'json';
	if (text.startsWith('{')) {
		try {
			JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
			return 'json';
		} catch {
			return 'jsonl';
		}
	}
	return 'csv';
}

const NOT_UTF8 = 'Berkas tidak dapat dibaca: isinya bukan teks UTF-8. Simpan ulang berkas sebagai UTF-8.';
const EMPTY_FILE = 'Berkas kosong.';

function decodeUtf8(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		throw new AppError('FILE_UNREADABLE', NOT_UTF8);
	}
}

/**
 * The file's bytes checked as UTF-8, without a byte order mark, as a Buffer over the same memory:
 * the CSV parser reads bytes (it would encode a decoded text back into a copy first), so a large
 * file is not held three times while it is parsed.
 */
function utf8Bytes(bytes: Uint8Array): Buffer {
	if (!isUtf8(bytes)) throw new AppError('FILE_UNREADABLE', NOT_UTF8);
	const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	// A file of nothing but white space has no header line: readCsv reports it empty.
	return Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.byteLength - bom);
}

/** The delimiter used more often in the header line, outside quotes; comma when neither is. */
export function detectDelimiter(text: string): ',' | ';' {
	let commas = 0;
	let semicolons = 0;
	let quoted = false;
	for (const char of text) {
		if (char === '"') quoted = !quoted;
		else if (!quoted && (char === '\n' || char === '\r')) break;
		else if (!quoted && char === ',') commas++;
		else if (!quoted && char === ';') semicolons++;
	}
	return semicolons > commas ? ';' : ',';
}

function readCsv(bytes: Buffer): SourceFile {
	// The header line decides the delimiter; a character cut at the end of the sample does not matter.
	const delimiter = detectDelimiter(bytes.toString('utf8', 0, Math.min(bytes.length, 65536)));
	const located = readWellFormedCsv(bytes, delimiter) ?? parseCsv(bytes, delimiter);

	const headerIndex = located.findIndex(({ record }) => !isEmptyRecord(record));
	if (headerIndex < 0) throw new AppError('FILE_UNREADABLE', EMPTY_FILE);
	const headers = uniqueHeaders(located[headerIndex]!.record);

	const rows: SourceRow[] = [];
	const problems: RowProblem[] = [];
	const emptyRows: number[] = [];
	for (const { record, raw, line: rowNumber } of located.slice(headerIndex + 1)) {
		if (isEmptyRecord(record)) {
			emptyRows.push(rowNumber);
			continue;
		}
		// Extra empty fields at the end (a trailing separator) lose nothing and are tolerated.
		const extra = record.slice(headers.length);
		if (record.length < headers.length || !isEmptyRecord(extra)) {
			problems.push({
				rowNumber,
				message: `Baris ${rowNumber} berisi ${record.length} kolom, padahal judul kolom berjumlah ${headers.length}.`,
				raw: raw.replace(/(\r\n|\r|\n)$/, '')
			});
			continue;
		}
		const values: Record<string, CellValue> = {};
		headers.forEach((header, index) => {
			const value = unguardFormula(record[index] ?? '');
			values[header] = value === '' ? null : value;
		});
		rows.push({ rowNumber, values });
	}
	return withoutBlankColumns(located[headerIndex]!.record, { format: 'csv', headers, rows, problems, emptyRows, notes: [], delimiter });
}

/** The records of a CSV file by csv-parse, each with the line it starts on (and its raw text where it may be reported). */
export function parseCsv(bytes: Buffer, delimiter: ',' | ';'): Array<{ record: string[]; raw: string; line: number }> {
	let line = 1;
	let headerLength: number | null = null;
	try {
		// Empty lines are kept as records so that line numbers can be counted from the raw text.
		// With raw: true each record comes as {record, raw}; the typings do not model that option.
		// The raw text is kept only for rows that may be reported as problems (a column count other
		// than the header's): a large file's rows are not held twice.
		return parse(bytes, {
			delimiter,
			relax_column_count: true,
			raw: true,
			skip_empty_lines: false,
			on_record: ((entry: unknown) => {
				const { record, raw } = entry as { record: string[]; raw: string };
				const at = line;
				// raw may or may not end with the record's line break, depending on the line ending.
				line += 1 + countLineBreaks(raw);
				const keepRaw = headerLength === null || record.length !== headerLength;
				if (headerLength === null && !isEmptyRecord(record)) headerLength = record.length;
				return { record, raw: keepRaw ? raw : '', line: at };
			}) as never
		}) as unknown as Array<{ record: string[]; raw: string; line: number }>;
	} catch (error) {
		if (error instanceof CsvError) {
			throw new AppError('FILE_UNREADABLE', `Berkas CSV tidak dapat dibaca (${csvErrorMessage(error)}).`);
		}
		throw error;
	}
}

/**
 * The records of a well-formed CSV file, read straight from its bytes about six times faster than
 * csv-parse (which took ~3 s of a 90 MB import, the main thread waiting): one line ending
 * throughout (CRLF or LF), quotes only around whole fields, every non-empty record as wide as the
 * first. Each record comes as csv-parse gives it, with the line it starts on. Null for anything
 * else: csv-parse then reads the file and reports its problems as before.
 */
export function readWellFormedCsv(bytes: Buffer, delimiter: ',' | ';'): Array<{ record: string[]; raw: string; line: number }> | null {
	const QUOTE = 0x22;
	const LF = 0x0a;
	const CR = 0x0d;
	const separator = delimiter.charCodeAt(0);
	const end = bytes.length;
	// The file's line ending is the first one outside quotes, as csv-parse decides it.
	let crlf: boolean | null = null;
	let width: number | null = null;
	let line = 1;
	let pos = 0;
	const located: Array<{ record: string[]; raw: string; line: number }> = [];
	while (pos < end) {
		const record: string[] = [];
		const first = line;
		for (;;) {
			if (bytes[pos] === QUOTE) {
				let value = '';
				let from = pos + 1;
				for (;;) {
					const quote = bytes.indexOf(QUOTE, from);
					if (quote < 0) return null;
					for (let at = bytes.indexOf(LF, from); at >= 0 && at < quote; at = bytes.indexOf(LF, at + 1)) line++;
					if (bytes[quote + 1] === QUOTE) {
						value += bytes.toString('utf8', from, quote + 1);
						from = quote + 2;
						continue;
					}
					value += bytes.toString('utf8', from, quote);
					pos = quote + 1;
					break;
				}
				record.push(value);
			} else {
				const start = pos;
				for (let byte = bytes[pos]; pos < end && byte !== separator && byte !== LF && byte !== CR; byte = bytes[++pos]) {
					if (byte === QUOTE) return null;
				}
				record.push(bytes.toString('utf8', start, pos));
			}
			if (pos >= end) break;
			const byte = bytes[pos];
			if (byte === separator) {
				pos++;
				continue;
			}
			if (byte === CR && bytes[pos + 1] === LF && crlf !== false) {
				crlf = true;
				pos += 2;
			} else if (byte === LF && crlf !== true) {
				crlf = false;
				pos++;
			} else {
				// Text after a closing quote, a lone CR, or another line ending than the file's.
				return null;
			}
			line++;
			break;
		}
		if (!isEmptyRecord(record)) {
			width ??= record.length;
			// A row of another width may be reported as a problem, with its raw text.
			if (record.length !== width) return null;
		}
		located.push({ record, raw: '', line: first });
	}
	return located;
}

/** Line breaks inside a record's raw text, not counting the one that ends it. */
function countLineBreaks(raw: string): number {
	let count = 0;
	let at = raw.indexOf('\n');
	while (at >= 0) {
		count++;
		at = raw.indexOf('\n', at + 1);
	}
	// The record's own line break, when raw includes it.
	return raw.endsWith('\n') ? count - 1 : count;
}

function csvErrorMessage(error: CsvError): string {
	const lines = (error as CsvError & { lines?: number }).lines;
	if (error.code === 'CSV_QUOTE_NOT_CLOSED') return `tanda kutip tidak ditutup${lines ? ` sejak sekitar baris ${lines}` : ''}`;
	if (error.code === 'CSV_INVALID_CLOSING_QUOTE') return `tanda kutip tidak valid${lines ? ` di baris ${lines}` : ''}`;
	return `format CSV tidak valid${lines ? ` di baris ${lines}` : ''}`;
}

function isEmptyRecord(record: readonly string[]): boolean {
	return record.every((value) => value.trim() === '');
}

async function readXlsx(bytes: Uint8Array, sheetName: string): Promise<SourceFile> {
	// Loaded on first use: it takes a third of a second, which CSV and JSON imports need not pay.
	const { default: Excel } = await import('exceljs');
	const workbook = new Excel.Workbook();
	try {
		// A copy in an ArrayBuffer of its own (the bytes may be a view, or in shared memory).
		await workbook.xlsx.load(new Uint8Array(bytes).buffer);
	} catch {
		throw new AppError('FILE_UNREADABLE', 'Berkas XLSX tidak dapat dibaca. Pastikan berkas disimpan dalam format Excel (.xlsx).');
	}
	const notes: string[] = [];
	let worksheet = workbook.worksheets.find((sheet) => sheet.name.trim().toLowerCase() === sheetName.toLowerCase());
	if (!worksheet) {
		worksheet = workbook.worksheets[0];
		if (!worksheet) throw new AppError('FILE_UNREADABLE', 'Berkas XLSX tidak berisi lembar kerja.');
		notes.push(`Lembar "${sheetName}" tidak ditemukan; yang dibaca lembar pertama, "${worksheet.name}".`);
	}

	const headerRow = worksheet.getRow(1);
	const width = Math.max(headerRow.cellCount, worksheet.columnCount);
	const headerCells: string[] = [];
	for (let column = 1; column <= width; column++) {
		const value = cellValue(headerRow.getCell(column).value);
		headerCells.push(value instanceof Date ? value.toISOString() : value === null ? '' : String(value));
	}
	if (isEmptyRecord(headerCells)) throw new AppError('FILE_UNREADABLE', 'Baris pertama lembar kerja (judul kolom) kosong.');
	const headers = uniqueHeaders(headerCells);

	const rows: SourceRow[] = [];
	const emptyRows: number[] = [];
	for (let rowNumber = 2; rowNumber <= worksheet.rowCount; rowNumber++) {
		const row = worksheet.getRow(rowNumber);
		const values: Record<string, CellValue> = {};
		let empty = true;
		headers.forEach((header, index) => {
			const value = cellValue(row.getCell(index + 1).value);
			values[header] = value;
			if (value !== null && !(typeof value === 'string' && value.trim() === '')) empty = false;
		});
		if (empty) emptyRows.push(rowNumber);
		else rows.push({ rowNumber, values });
	}
	// Trailing rows Excel counts but that hold nothing are not worth reporting.
	while (emptyRows.length > 0 && emptyRows.at(-1)! > (rows.at(-1)?.rowNumber ?? 1)) emptyRows.pop();
	return withoutBlankColumns(headerCells, {
		format: 'xlsx',
		headers,
		rows,
		problems: [],
		emptyRows,
		notes,
		sheetName: worksheet.name
	});
}

/**
 * CSV exports (ours and spreadsheet programs') put an apostrophe before a cell that would
 * otherwise start a formula (`'+62 812...`, `'=SUM`); reading it back gives the original text.
 */
function unguardFormula(value: string): string {
	return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

/** A cell as the value a person sees: rich text and links as their text, formulas as their result. */
function cellValue(value: ExcelJS.CellValue | undefined): CellValue {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string') return value === '' ? null : value;
	if (typeof value === 'number' || value instanceof Date) return value;
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if ('richText' in value) return cellValue(value.richText.map((part) => part.text).join(''));
	if ('hyperlink' in value) return cellValue(value.text as ExcelJS.CellValue);
	if ('formula' in value || 'sharedFormula' in value) return cellValue((value as { result?: ExcelJS.CellValue }).result);
	// Error cells (#N/A, #REF!) carry no value.
	if ('error' in value) return null;
	return null;
}

function readJson(text: string): SourceFile {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		throw new AppError('FILE_UNREADABLE', `Berkas JSON tidak valid: ${(error as Error).message}`);
	}
	// The Inoland API wraps a page of records as {"data": [...]}; a saved page is accepted too.
	const items = Array.isArray(parsed)
		? parsed
		: isPlainObject(parsed) && Array.isArray(parsed.data)
			? (parsed.data as unknown[])
			: null;
	if (!items) {
		throw new AppError('FILE_UNREADABLE', 'Berkas JSON harus berisi daftar (array) objek, atau objek dengan daftar di "data".');
	}
	const collected = new RowCollector('json');
	items.forEach((item, index) => collected.add(index + 1, item, `Data ke-${index + 1}`));
	return collected.result();
}

/**
 * JSON Lines read line by line from the file's bytes: a large export is never held as one decoded
 * text (twice its size when any character is outside Latin-1) with its lines split beside it; that
 * was the import's memory peak at the start of a large LAN file.
 */
function readJsonLines(bytes: Buffer): SourceFile {
	const collected = new RowCollector('jsonl');
	let empty = true;
	let rowNumber = 0;
	// Line breaks are found on the bytes: UTF-8 never uses 0x0A inside a character.
	for (let start = 0; start <= bytes.length; ) {
		const lineFeed = bytes.indexOf(0x0a, start);
		const end = lineFeed < 0 ? bytes.length : lineFeed;
		const line = bytes.toString('utf8', start, end);
		start = end + 1;
		rowNumber++;
		if (line.trim() === '') continue;
		empty = false;
		let parsed: unknown;
		try {
			parsed = JSON.parse(line);
		} catch (error) {
			collected.problems.push({
				rowNumber,
				message: `Baris ${rowNumber} bukan JSON yang valid: ${(error as Error).message}`,
				raw: line.replace(/\r$/, '')
			});
			continue;
		}
		collected.add(rowNumber, parsed, `Baris ${rowNumber}`);
	}
	if (empty) throw new AppError('FILE_UNREADABLE', EMPTY_FILE);
	if (collected.rows.length === 0 && collected.problems.length > 0) {
		throw new AppError('FILE_UNREADABLE', `Berkas JSON Lines tidak berisi satu pun baris yang valid. ${collected.problems[0]!.message}`);
	}
	return collected.result();
}

class RowCollector {
	readonly rows: SourceRow[] = [];
	readonly problems: RowProblem[] = [];
	private readonly headers = new Set<string>();
	constructor(private readonly format: 'json' | 'jsonl') {}

	add(rowNumber: number, item: unknown, label: string): void {
		if (!isPlainObject(item)) {
			this.problems.push({ rowNumber, message: `${label} bukan objek JSON.`, raw: JSON.stringify(item) });
			return;
		}
		const values: Record<string, CellValue> = {};
		for (const [key, value] of Object.entries(item)) {
			this.headers.add(key);
			values[key] = jsonValue(value);
		}
		this.rows.push({ rowNumber, values });
	}

	result(): SourceFile {
		const headers = [...this.headers];
		// Every row gets every header, so an absent key reads like an empty cell.
		for (const row of this.rows) for (const header of headers) row.values[header] ??= null;
		return { format: this.format, headers, rows: this.rows, problems: this.problems, emptyRows: [], notes: [] };
	}
}

function jsonValue(value: unknown): CellValue {
	if (value === null || value === undefined || value === '') return null;
	if (typeof value === 'string' || typeof value === 'number') return value;
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	// Nested values are kept whole as JSON text rather than dropped.
	return JSON.stringify(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Blank headers are named by position and repeated ones numbered, so no column overwrites another. */
function uniqueHeaders(cells: readonly string[]): string[] {
	const seen = new Map<string, number>();
	return cells.map((cell, index) => {
		const stripped = cell.replace(/^\uFEFF/, '');
		const header = stripped.trim() === '' ? `Kolom ${index + 1}` : stripped;
		const count = (seen.get(header) ?? 0) + 1;
		seen.set(header, count);
		return count === 1 ? header : `${header} (${count})`;
	});
}

/** Drops columns without a header that hold nothing, e.g. trailing separators left by Excel. */
function withoutBlankColumns(headerCells: readonly string[], file: SourceFile): SourceFile {
	const blank = file.headers.filter(
		(header, index) =>
			(headerCells[index] ?? '').trim() === '' && file.rows.every((row) => row.values[header] === null)
	);
	if (blank.length === 0) return file;
	for (const row of file.rows) for (const header of blank) delete row.values[header];
	return { ...file, headers: file.headers.filter((header) => !blank.includes(header)) };
}
