import type { Lang } from './index';

/**
 * Numbers and dates as people read them: Indonesian groups thousands with a dot and writes
 * decimals with a comma (1.234.567; 72,39). Dates are shown in WIB.
 */
const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
const EMPTY = '–';
const TIME_ZONE = 'Asia/Jakarta';

// Building an Intl formatter costs far more than using one; pages format hundreds of values.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${lang}|${options.minimumFractionDigits ?? ''}|${options.maximumFractionDigits ?? ''}`;
	let format = numberFormats.get(key);
	if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(LOCALES[lang], options)));
	return format;
}

function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${lang}|${options.dateStyle ?? ''}|${options.timeStyle ?? ''}|${options.timeZone ?? ''}`;
	let format = dateFormats.get(key);
	if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(LOCALES[lang], options)));
	return format;
}

export function formatNumber(value: number | null | undefined, lang: Lang = 'id', fractionDigits = 2): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY;
	return numberFormat(lang, { maximumFractionDigits: fractionDigits }).format(value);
}

export function formatDecimal(value: number | null | undefined, lang: Lang = 'id', digits = 2): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY;
	return numberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date (2024-03-01) or a timestamp as a long date. A calendar date has no time zone,
 * so it is formatted as is; a timestamp is the date in Jakarta.
 */
export function formatDate(value: string | null | undefined, lang: Lang = 'id'): string {
	if (!value) return EMPTY;
	const calendar = CALENDAR_DATE.test(value);
	const date = new Date(calendar ? `${value}T00:00:00Z` : value);
	if (Number.isNaN(date.getTime())) return value;
	return dateFormat(lang, { dateStyle: 'long', timeZone: calendar ? 'UTC' : TIME_ZONE }).format(date);
}

export function formatDateTime(value: string | null | undefined, lang: Lang = 'id'): string {
	if (!value) return EMPTY;
	const date = new Date(value);
	if (Number.isNaN(date.getTime())) return value;
	const text = dateFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }).format(date);
	return `${text} WIB`;
}
