/**
 * Dates and decimals as the three sources write them (source-formats.md): ISO, day-first
 * `03/10/2024` / `03-10-2024`, Indonesian month names, Excel serials and exceljs Date cells;
 * decimal comma with dot thousands. Errors are in Bahasa Indonesia and name the value.
 */
import { MONTH_NAMES } from '../vocabulary';
import { cleanText } from './text';

export interface ParseProblem {
	error: string;
}

export interface SourceDateOptions {
	/** Accept numbers (and digit strings) as Excel serial dates, 1900 date system. */
	excelSerial?: boolean;
}

const MONTH_NAMES_ID = MONTH_NAMES;

/** Month names and abbreviations (lower case, without a trailing dot) -> month number. */
const MONTHS: ReadonlyMap<string, number> = new Map<string, number>([
	// Indonesian long forms, plus the older spellings still found in documents.
	...MONTH_NAMES_ID.map((name, index) => [name.toLowerCase(), index + 1] as [string, number]),
	['pebruari', 2],
	['nopember', 11],
	// Indonesian abbreviations.
	['jan', 1],
	['feb', 2],
	['peb', 2],
	['mar', 3],
	['apr', 4],
	['mei', 5],
	['jun', 6],
	['jul', 7],
	['agu', 8],
	['agt', 8],
	['ags', 8],
	['agus', 8],
	['agust', 8],
	['sep', 9],
	['sept', 9],
	['okt', 10],
	['nov', 11],
	['nop', 11],
	['des', 12],
	// English forms: exports made on an English-locale machine.
	['january', 1],
	['february', 2],
	['march', 3],
	['may', 5],
	['june', 6],
	['july', 7],
	['august', 8],
	['aug', 8],
	['october', 10],
	['oct', 10],
	['december', 12],
	['dec', 12]
]);

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number, width = 2): string {
	return String(value).padStart(width, '0');
}

/** A checked calendar date as `YYYY-MM-DD`, or the reason it does not exist. */
function calendarDate(year: number, month: number, day: number, written: string): string | ParseProblem {
	if (month < 1 || month > 12) {
		return { error: `Tanggal "${written}" tidak valid: bulan ${month} tidak ada (tanggal ditulis hari dulu, mis. 03/10/2024).` };
	}
	const last = daysInMonth(year, month);
	if (day < 1 || day > last) {
		return {
			error: `Tanggal "${written}" tidak ada: ${MONTH_NAMES_ID[month - 1]} ${year} hanya memiliki ${last} hari.`
		};
	}
	return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const YEAR_FIRST_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2,4})$/;
const MONTH_NAMED = /^(\d{1,2})[\s./-]*([A-Za-z]+)\.?[\s./-]*(\d{2,4})$/;
// Serial 2958465 is 9999-12-31, the last date Excel knows.
const MAX_EXCEL_SERIAL = 2958465;

function fromExcelSerial(serial: number, written: string): string | ParseProblem {
	if (!Number.isFinite(serial) || serial < 1 || serial > MAX_EXCEL_SERIAL) {
		return { error: `Angka ${written} bukan nomor seri tanggal Excel yang valid.` };
	}
	const whole = Math.floor(serial);
	// A bare year in a date column (`2019`) would silently become a date in 1905.
	if (whole === serial && whole >= 1900 && whole <= 2100) {
		return { error: `Angka ${written} tampaknya tahun, bukan tanggal lengkap.` };
	}
	// Excel's 1900 system counts a 29 February 1900 that never existed (serial 60).
	if (whole === 60) return { error: `Nomor seri Excel 60 menunjuk 29 Februari 1900, tanggal yang tidak ada.` };
	const epoch = whole < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
	const date = new Date(epoch + whole * 86_400_000);
	return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * A source date -> `YYYY-MM-DD`, `null` when the cell is empty, or `{error}` in Bahasa
 * Indonesia. Day-first for numeric dates (`03/10/2024` is 3 October). A datetime keeps the
 * calendar date as written in its own offset (`2024-10-03T23:30:00+07:00` -> `2024-10-03`).
 * A Date object (exceljs date cell) gives its UTC calendar date. Two-digit years are refused
 * rather than guessed.
 */
export function parseSourceDate(value: unknown, options: SourceDateOptions = {}): string | null | ParseProblem {
	if (value == null) return null;
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return { error: 'Tanggal tidak valid.' };
		return `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
	}
	if (typeof value === 'number') {
		if (!options.excelSerial) return { error: `Angka ${value} tidak dapat dibaca sebagai tanggal.` };
		return fromExcelSerial(value, String(value));
	}
	if (typeof value !== 'string') return { error: `Nilai ${JSON.stringify(value)} tidak dapat dibaca sebagai tanggal.` };

	const text = cleanText(value);
	if (text === '' || text === '-') return null;

	let m = ISO.exec(text);
	if (m) {
		if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[6] ?? 0) > 59 || Number(m[5]) > 59)) {
			return { error: `Waktu pada "${text}" tidak valid.` };
		}
		return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]), text);
	}
	m = YEAR_FIRST_SLASH.exec(text);
	if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]), text);
	m = DAY_FIRST.exec(text);
	if (m) {
		if (m[4]!.length !== 4) return twoDigitYear(text);
		return calendarDate(Number(m[4]), Number(m[3]), Number(m[1]), text);
	}
	m = MONTH_NAMED.exec(text);
	if (m) {
		const month = MONTHS.get(m[2]!.toLowerCase());
		if (month === undefined) {
			return { error: `Nama bulan "${m[2]}" pada tanggal "${text}" tidak dikenali.` };
		}
		if (m[3]!.length !== 4) return twoDigitYear(text);
		return calendarDate(Number(m[3]), month, Number(m[1]), text);
	}
	if (/^\d+(\.\d+)?$/.test(text)) {
		if (!options.excelSerial) return { error: `Angka ${text} tidak dapat dibaca sebagai tanggal.` };
		return fromExcelSerial(Number(text), text);
	}
	return {
		error: `Format tanggal "${text}" tidak dikenali. Gunakan mis. 2024-10-03, 03/10/2024, 03-10-2024 atau 3 Oktober 2024.`
	};
}

function twoDigitYear(text: string): ParseProblem {
	return { error: `Tahun pada tanggal "${text}" harus ditulis empat angka.` };
}

/** Narrowing helper for the union returned by the parsers. */
export function isParseProblem(value: unknown): value is ParseProblem {
	return typeof value === 'object' && value !== null && 'error' in value;
}

/**
 * A decimal as written in an Indonesian locale -> number; `null` when empty. `72,5` -> 72.5,
 * `1.234,5` -> 1234.5, `1.320` -> 1320 (a dot followed by groups of three digits is a
 * thousands separator), `72.5` -> 72.5 (a single dot that is not a thousands group is a
 * decimal point, as written by English-locale exports). Numbers pass through.
 */
export function parseDecimal(value: unknown): number | null | ParseProblem {
	if (value == null) return null;
	if (typeof value === 'number') return Number.isFinite(value) ? value : { error: `Angka ${value} tidak valid.` };
	if (typeof value !== 'string') return { error: `Nilai ${JSON.stringify(value)} bukan angka.` };
	const text = cleanText(value);
	if (text === '' || text === '-') return null;
	// Spaces (including non-breaking ones) are sometimes used to group thousands.
	const compact = text.replace(/\s+/g, '');
	const sign = /^[+-]/.test(compact) ? compact[0] : '';
	const body = sign ? compact.slice(1) : compact;
	let normalised: string | null = null;
	if (/^\d+$/.test(body)) normalised = body;
	else if (/^\d{1,3}(\.\d{3})*,\d+$/.test(body) || /^\d+,\d+$/.test(body)) normalised = body.replace(/\./g, '').replace(',', '.');
	else if (/^\d{1,3}(\.\d{3})+$/.test(body)) normalised = body.replace(/\./g, '');
	else if (/^\d+\.\d+$/.test(body)) normalised = body;
	else if (/^,\d+$/.test(body)) normalised = `0.${body.slice(1)}`;
	if (normalised === null) return { error: `"${text}" bukan angka yang dapat dibaca (contoh: 72,5 atau 1.234,5).` };
	const number = Number(`${sign === '-' ? '-' : ''}${normalised}`);
	return Number.isFinite(number) ? number : { error: `"${text}" bukan angka yang dapat dibaca.` };
}
