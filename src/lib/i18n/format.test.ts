import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDecimal, formatNumber } from './format';

describe('formatNumber', () => {
	it('groups thousands with a dot in Indonesian and a comma in English', () => {
		expect(formatNumber(1234567)).toBe('1.234.567');
		expect(formatNumber(1234567, 'en')).toBe('1,234,567');
	});

	it('writes decimals with a comma in Indonesian', () => {
		expect(formatNumber(1234.5)).toBe('1.234,5');
	});

	it('shows a dash for missing values', () => {
		expect(formatNumber(null)).toBe('–');
		expect(formatNumber(Number.NaN)).toBe('–');
	});
});

describe('formatDecimal', () => {
	it('keeps a fixed number of decimals', () => {
		expect(formatDecimal(72.3)).toBe('72,30');
		expect(formatDecimal(9.356, 'id', 2)).toBe('9,36');
		expect(formatDecimal(72.3, 'en')).toBe('72.30');
	});
});

describe('formatDate', () => {
	it('formats a calendar date without shifting it', () => {
		expect(formatDate('2024-03-01')).toBe('1 Maret 2024');
		expect(formatDate('2024-03-01', 'en')).toBe('1 March 2024');
	});

	it('formats a timestamp as the date in Jakarta', () => {
		// 20:00 UTC is already the next day in WIB (UTC+7).
		expect(formatDate('2024-03-01T20:00:00Z')).toBe('2 Maret 2024');
	});

	it('returns unreadable values unchanged and a dash for none', () => {
		expect(formatDate('kemarin')).toBe('kemarin');
		expect(formatDate(null)).toBe('–');
	});
});

describe('formatDateTime', () => {
	it('shows the time in WIB', () => {
		expect(formatDateTime('2024-03-01T03:05:00Z')).toBe('1 Maret 2024 pukul 10.05 WIB');
	});
});
