import { describe, expect, it } from 'vitest';
import { dayNumber, formatNumber, formatRupiah, fromDayNumber, joinList, longDate, slashDate } from './indonesian-text';

describe('Indonesian formats', () => {
	it('groups thousands with dots and writes decimals with a comma', () => {
		expect(formatNumber(1320)).toBe('1.320');
		expect(formatNumber(1234567.25, 1)).toBe('1.234.567,3');
		expect(formatNumber(24.6, 1)).toBe('24,6');
		expect(formatNumber(-5)).toBe('-5');
	});

	it('writes money in juta and miliar', () => {
		expect(formatRupiah(480)).toBe('Rp 480 juta');
		expect(formatRupiah(1200)).toBe('Rp 1,2 miliar');
		expect(formatRupiah(2000)).toBe('Rp 2 miliar');
	});

	it('writes dates day first and in the long form', () => {
		const date = { year: 2024, month: 10, day: 3 };
		expect(slashDate(date)).toBe('03/10/2024');
		expect(slashDate(date, '-')).toBe('03-10-2024');
		expect(longDate(date)).toBe('3 Oktober 2024');
		expect(longDate(date, true)).toBe('3 Okt 2024');
		expect(fromDayNumber(dayNumber(date) + 30)).toEqual({ year: 2024, month: 11, day: 2 });
	});

	it('joins lists with "dan"', () => {
		expect(joinList(['a'])).toBe('a');
		expect(joinList(['a', 'b', 'c'])).toBe('a, b dan c');
	});
});
