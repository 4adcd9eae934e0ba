import { describe, expect, it } from 'vitest';
import { indonesianLongDate, jakartaDate, toWinAnsi, wrapText } from './pdf-layout';

const LATIN1_AND_WINANSI = new Set<number>([
	...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i),
	...Array.from({ length: 0x100 - 0xa0 }, (_, i) => 0xa0 + i),
	...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.split('').map((c) => c.codePointAt(0)!)
]);

describe('indonesianLongDate', () => {
	it('writes calendar dates and timestamps (in WIB) the Indonesian way', () => {
		expect(indonesianLongDate('2026-12-01')).toBe('1 Desember 2026');
		expect(indonesianLongDate('2025-03-31')).toBe('31 Maret 2025');
		// 17:30 UTC on 31 July is already 1 August in Jakarta.
		expect(indonesianLongDate(new Date('2025-07-31T17:30:00Z'))).toBe('1 Agustus 2025');
		expect(jakartaDate('2025-07-31T16:59:00Z')).toBe('2025-07-31');
	});
});

describe('toWinAnsi', () => {
	it('keeps Indonesian and Latin-1 text, replaces the rest safely', () => {
		expect(toWinAnsi('Kabupaten Ngada — “Sehati” café, Rp 1.000', LATIN1_AND_WINANSI)).toBe('Kabupaten Ngada — “Sehati” café, Rp 1.000');
		expect(toWinAnsi('Bāli → Łódź ≥ 5\u200b', LATIN1_AND_WINANSI)).toBe('Bali -> Lódz >= 5');
		expect(toWinAnsi('Inovasi 🚀 日本\tbaru\u0007', LATIN1_AND_WINANSI)).toBe('Inovasi ? ?? baru');
		expect(toWinAnsi('baris satu\nbaris dua', LATIN1_AND_WINANSI)).toBe('baris satu\nbaris dua');
	});
});

describe('wrapText', () => {
	const measure = (text: string) => text.length;
	it('breaks at spaces, keeps paragraphs, cuts words longer than a line', () => {
		expect(wrapText('satu dua tiga empat', measure, 9)).toEqual(['satu dua', 'tiga', 'empat']);
		expect(wrapText('a\n\nb', measure, 9)).toEqual(['a', '', 'b']);
		expect(wrapText('abcdefghijklmnop x', measure, 5)).toEqual(['abcde', 'fghij', 'klmno', 'p x']);
	});
});
