/** Number, money and date formats as Indonesian documents write them (`1.320`, `24,6%`, `3 Oktober 2024`). */
import { MONTH_NAMES } from '../vocabulary';

export const MONTHS = MONTH_NAMES;

/** `1234.5` with 1 decimal -> `1.234,5`. Done by hand so the output never depends on ICU data. */
export function formatNumber(value: number, decimals = 0): string {
	const fixed = Math.abs(value).toFixed(decimals);
	const [whole, fraction] = fixed.split('.') as [string, string | undefined];
	const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
	return (value < 0 ? '-' : '') + grouped + (fraction ? ',' + fraction : '');
}

/** An amount in rupiah as reports write it: `Rp 480 juta`, `Rp 1,2 miliar`. */
export function formatRupiah(millions: number): string {
	if (millions >= 1000) return `Rp ${formatNumber(millions / 1000, 1).replace(/,0$/, '')} miliar`;
	return `Rp ${formatNumber(millions)} juta`;
}

export interface CalendarDate {
	year: number;
	month: number; // 1-12
	day: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function isoDate(d: CalendarDate): string {
	return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

export function slashDate(d: CalendarDate, separator: '/' | '-' = '/'): string {
	return `${pad(d.day)}${separator}${pad(d.month)}${separator}${d.year}`;
}

export function longDate(d: CalendarDate, shortMonth = false): string {
	const month = MONTHS[d.month - 1]!;
	return `${d.day} ${shortMonth ? month.slice(0, 3) : month} ${d.year}`;
}

export function monthYear(d: CalendarDate): string {
	return `${MONTHS[d.month - 1]} ${d.year}`;
}

const DAY_MS = 86_400_000;

export function dayNumber(d: CalendarDate): number {
	return Math.floor(Date.UTC(d.year, d.month - 1, d.day) / DAY_MS);
}

export function fromDayNumber(days: number): CalendarDate {
	const date = new Date(days * DAY_MS);
	return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `a, b dan c` */
export function joinList(items: readonly string[]): string {
	if (items.length <= 1) return items[0] ?? '';
	return `${items.slice(0, -1).join(', ')} dan ${items[items.length - 1]}`;
}
